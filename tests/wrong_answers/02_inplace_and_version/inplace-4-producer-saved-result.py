# The lesson's old answer: checks only whether the producer of the ReLU's input saved its output,
# missing a tensor saved by another operation (a block's own product), and runs the model in training
# mode without putting BatchNorm's running statistics back.
# answer: inplace-4
# loses: inplace-4-tests, inplace-4-state-tests
# shows: inplace-only-producer-saves, inplace-probe-changes-nothing
def make_inplace_safe(model, example):
    unsafe, hooks = [], []

    def check(module, args):
        grad_fn = args[0].grad_fn
        if grad_fn is not None and hasattr(grad_fn, "_saved_result"):
            unsafe.append(module)

    for module in model.modules():
        if isinstance(module, nn.ReLU) and module.inplace:
            hooks.append(module.register_forward_pre_hook(check))
    try:
        model(example)
    finally:
        for hook in hooks:
            hook.remove()
    for module in unsafe:
        module.inplace = False
    return model
