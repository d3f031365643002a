# Finds the right ReLUs, but its probe forward pass in training mode leaves BatchNorm's running
# statistics updated by the example batch.
# answer: inplace-4
# loses: inplace-4-state-tests
# shows: inplace-probe-changes-nothing
def make_inplace_safe(model, example):
    probe = example.clone()
    saved, unsafe = [], set()

    def pack(t):                       # called for every tensor an operation saves for backward
        saved.append(t)                # kept alive, so no later tensor can reuse its memory
        return t

    def check(module, args):           # runs just before the ReLU overwrites args[0]
        address = args[0].untyped_storage().data_ptr()
        if address == probe.untyped_storage().data_ptr() or any(t.untyped_storage().data_ptr() == address for t in saved):
            unsafe.add(module)

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    hooks = [m.register_forward_pre_hook(check) for m in relus]
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            model(probe)
    finally:
        for hook in hooks:
            hook.remove()
    for module in unsafe:
        module.inplace = False
    return model
