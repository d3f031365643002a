# A right answer by type: walk the leaf modules in the order they run and check the one before.
# answer: inplace-4
# loses:
SAVES_OUTPUT = (nn.Sigmoid, nn.Tanh, nn.ReLU, nn.Softmax, nn.LogSoftmax)


def make_inplace_safe(model, example):
    leaves = [m for m in model.modules() if not list(m.children())]
    for before, module in zip(leaves, leaves[1:]):
        if isinstance(module, nn.ReLU) and isinstance(before, SAVES_OUTPUT):
            module.inplace = False
    return model
