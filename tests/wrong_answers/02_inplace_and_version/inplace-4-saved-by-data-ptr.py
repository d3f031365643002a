# Compares first-element addresses (data_ptr) instead of storages: a saved view that starts elsewhere in
# the ReLU's input (scale * h[:, 1:]) is missed.
# answer: inplace-4
# loses: inplace-4-tests
# shows: inplace-saved-by-object
def make_inplace_safe(model, example):
    probe = example.clone()
    saved, unsafe = [], set()

    def pack(t):
        saved.append(t)
        return t

    def check(module, args):
        if any(t.data_ptr() == args[0].data_ptr() for t in saved):
            unsafe.add(module)

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    hooks = [m.register_forward_pre_hook(check) for m in relus]
    buffers = [b.clone() for b in model.buffers()]
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            model(probe)
    finally:
        for hook in hooks:
            hook.remove()
        with torch.no_grad():
            for b, before in zip(model.buffers(), buffers):
                b.copy_(before)
    for module in unsafe:
        module.inplace = False
    return model
