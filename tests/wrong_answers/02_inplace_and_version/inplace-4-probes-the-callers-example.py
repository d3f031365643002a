# Finds the right ReLUs, the one that gets the caller's example included (its input is the example's
# memory), but probes with the example itself: that in-place ReLU writes into the caller's batch during
# the probe (the lesson's own answer did this before).
# answer: inplace-4
# loses: inplace-4-state-tests
# shows: inplace-probe-changes-nothing
def make_inplace_safe(model, example):
    saved, unsafe = [], set()

    def pack(t):
        saved.append(t.detach())
        return saved[-1]

    def check(module, args):
        address = args[0].untyped_storage().data_ptr()
        if address == example.untyped_storage().data_ptr() or any(
                t.untyped_storage().data_ptr() == address for t in saved):
            unsafe.add(module)

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    hooks = [m.register_forward_pre_hook(check) for m in relus]
    buffers = [b.clone() for b in model.buffers()]
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            model(example)
    finally:
        for hook in hooks:
            hook.remove()
        with torch.no_grad():
            for b, before in zip(model.buffers(), buffers):
                b.copy_(before)
    for module in unsafe:
        module.inplace = False
    return model
