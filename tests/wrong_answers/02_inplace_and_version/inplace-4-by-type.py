# Decides by the type of the module that ran just before: wrong after a pass-through layer
# (Sigmoid -> Identity -> ReLU, Tanh -> Dropout in eval mode), inside a block whose own product saved
# the tensor, and for a ReLU used twice.
# answer: inplace-4
# loses: inplace-4-tests
# shows: inplace-judge-by-previous-layer
SAVES_OUTPUT = (nn.Sigmoid, nn.Tanh, nn.ReLU, nn.Softmax, nn.LogSoftmax)


def make_inplace_safe(model, example):
    leaves = [m for m in model.modules() if not list(m.children())]
    for before, module in zip(leaves, leaves[1:]):
        if isinstance(module, nn.ReLU) and isinstance(before, SAVES_OUTPUT):
            module.inplace = False
    return model
