# Puts the running statistics back by rebinding each buffer to a saved clone: the values come back,
# but each buffer is a new tensor, so anything holding the old one (a state_dict() taken before) is left
# with the probe's values. (m._buffers[name] = b is setattr(m, name, b), which the integrity scan
# reads as rebinding a module the tests use.)
# answer: inplace-4
# loses: inplace-4-state-tests
# shows: inplace-new-tensor-same-as-write
def make_inplace_safe(model, example):
    probe = example.clone()
    saved, unsafe = [], set()

    def pack(t):
        saved.append(t)
        return t

    def check(module, args):
        address = args[0].untyped_storage().data_ptr()
        if address == probe.untyped_storage().data_ptr() or any(t.untyped_storage().data_ptr() == address for t in saved):
            unsafe.add(module)

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    hooks = [m.register_forward_pre_hook(check) for m in relus]
    before = {(m, name): b.clone() for m in model.modules() for name, b in m._buffers.items() if b is not None}
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            model(probe)
    finally:
        for hook in hooks:
            hook.remove()
        for (m, name), b in before.items():
            m._buffers[name] = b
    for module in unsafe:
        module.inplace = False
    return model
