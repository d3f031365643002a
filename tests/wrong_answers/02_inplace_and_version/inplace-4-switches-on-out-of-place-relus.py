# Sets every ReLU's flag from the probe, including ReLUs the model had left out of place on purpose: a
# ReLU that was inplace=False and whose input no operation saved is switched on. In a residual block
# h + relu(h), nothing saved h, yet h is read again: its output silently becomes 2 * relu(h).
# answer: inplace-4
# loses: inplace-4-state-tests
# shows: inplace-relu-safe-when-unsaved
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

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU)]
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
    for module in relus:
        module.inplace = module not in unsafe
    return model
