# Looks only at the sibling before each ReLU: a nested block that ends in ReLU is missed.
# answer: inplace-4
# loses: inplace-4-tests
# shows: inplace-judge-by-previous-layer
SAVES_OUTPUT = (nn.Sigmoid, nn.Tanh, nn.ReLU, nn.Softmax, nn.LogSoftmax)


def make_inplace_safe(model, example):
    for block in model.modules():
        if isinstance(block, nn.Sequential):
            children = list(block.children())
            for before, module in zip(children, children[1:]):
                if isinstance(module, nn.ReLU) and isinstance(before, SAVES_OUTPUT):
                    module.inplace = False
    return model
