# Finds the right ReLUs, but leaves its forward pre-hooks on the model: they run on every later forward.
# answer: inplace-4
# loses: inplace-4-state-tests
# shows: inplace-hooks-vanish
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
    for m in relus:
        m.register_forward_pre_hook(check)
    buffers = [b.clone() for b in model.buffers()]
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            model(probe)
    finally:
        with torch.no_grad():
            for b, before in zip(model.buffers(), buffers):
                b.copy_(before)
    for module in unsafe:
        module.inplace = False
    return model
