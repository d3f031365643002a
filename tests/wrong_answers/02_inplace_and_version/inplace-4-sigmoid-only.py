# Knows only Sigmoid saves its output; Tanh, ReLU and Softmax do too (so the Tanh -> ReLU of the
# part on what else changed is wrong as well).
# answer: inplace-4
# loses: inplace-4-tests, inplace-4-state-tests
# shows: inplace-judge-by-previous-layer
def make_inplace_safe(model, example):
    previous = None
    for module in model.modules():
        if isinstance(module, nn.ReLU) and isinstance(previous, nn.Sigmoid):
            module.inplace = False
        if not isinstance(module, nn.Sequential):
            previous = module
    return model
