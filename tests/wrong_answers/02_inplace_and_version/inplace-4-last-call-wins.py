# Sets the flag at every call of a ReLU: for a ReLU used twice, the last use decides, even when an
# earlier use was unsafe.
# answer: inplace-4
# loses: inplace-4-tests
# shows: inplace-last-use-decides
def make_inplace_safe(model, example):
    probe = example.clone()
    saved = []

    def pack(t):
        saved.append(t)
        return t

    def check(module, args):
        address = args[0].untyped_storage().data_ptr()
        module.inplace = not any(t.untyped_storage().data_ptr() == address for t in saved)

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
    return model
