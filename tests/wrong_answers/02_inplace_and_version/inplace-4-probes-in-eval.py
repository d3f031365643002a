# Probes in eval mode to spare BatchNorm's statistics: in eval mode Dropout passes its input through,
# so a ReLU that is safe in training mode (after Tanh -> Dropout) is turned off.
# answer: inplace-4
# loses: inplace-4-tests
# shows: inplace-eval-probe-same
def make_inplace_safe(model, example):
    probe = example.clone()
    saved, unsafe = [], set()

    def pack(t):
        saved.append(t)
        return t

    def check(module, args):
        address = args[0].untyped_storage().data_ptr()
        if any(t.untyped_storage().data_ptr() == address for t in saved):
            unsafe.add(module)

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    hooks = [m.register_forward_pre_hook(check) for m in relus]
    modes = {m: m.training for m in model.modules()}
    model.eval()                 # eval mode, so that BatchNorm's running statistics stay as they are
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            model(probe)
    finally:
        for hook in hooks:
            hook.remove()
        for m, training in modes.items():
            m.training = training
    for module in unsafe:
        module.inplace = False
    return model
