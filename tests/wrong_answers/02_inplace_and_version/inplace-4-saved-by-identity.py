# Looks for the ReLU's input among the saved tensors by identity (is): right when the saved tensor is
# the very object the ReLU gets, wrong when a view of it comes in (Sigmoid -> Flatten -> ReLU, or a block
# that reshapes), which is a new object over the same memory.
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
        if any(t is args[0] for t in saved):
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
