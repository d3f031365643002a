# Looks only at what autograd saved, and probes a copy of the example: a ReLU that gets the caller's
# batch itself is kept in place, because nothing saved that batch, and writes into it at every call.
# answer: inplace-4
# loses: inplace-4-tests
# shows: inplace-only-saved-tensors-matter
def make_inplace_safe(model, example):
    saved, unsafe = [], set()

    def pack(t):
        saved.append(t.detach())
        return saved[-1]

    def check(module, args):
        address = args[0].untyped_storage().data_ptr()
        if any(t.untyped_storage().data_ptr() == address for t in saved):
            unsafe.add(module)

    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    hooks = [m.register_forward_pre_hook(check) for m in relus]
    buffers = [b.clone() for b in model.buffers()]
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            model(example.clone())
    finally:
        for hook in hooks:
            hook.remove()
        with torch.no_grad():
            for b, before in zip(model.buffers(), buffers):
                b.copy_(before)
    for module in unsafe:
        module.inplace = False
    return model
