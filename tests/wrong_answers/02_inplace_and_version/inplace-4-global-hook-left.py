# Registers one global forward pre-hook (it sees every module, nested ones included) and never removes
# it: every later forward pass of every module in the program runs it, and `saved` keeps the probe's
# tensors alive for ever.
# answer: inplace-4
# loses: inplace-4-state-tests
# shows: inplace-hooks-vanish
def make_inplace_safe(model, example):
    probe = example.clone()
    saved, unsafe = [], set()

    def pack(t):
        saved.append(t)
        return t

    def check(module, args):
        if isinstance(module, nn.ReLU) and module.inplace and args and isinstance(args[0], torch.Tensor):
            address = args[0].untyped_storage().data_ptr()
            if address == probe.untyped_storage().data_ptr() or any(t.untyped_storage().data_ptr() == address for t in saved):
                unsafe.add(module)

    torch.nn.modules.module.register_module_forward_pre_hook(check)
    buffers = [b.clone() for b in model.buffers()]
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(probe)
    with torch.no_grad():
        for b, before in zip(model.buffers(), buffers):
            b.copy_(before)
    for module in unsafe:
        module.inplace = False
    return model
