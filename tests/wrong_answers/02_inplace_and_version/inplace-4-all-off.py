# Turns inplace off everywhere: safe, but throws away the memory saving where it was harmless.
# answer: inplace-4
# loses: inplace-4-tests
def make_inplace_safe(model, example):
    for module in model.modules():
        if isinstance(module, nn.ReLU):
            module.inplace = False
    return model
