# Turns inplace off everywhere: safe, but throws away the memory saving where it was harmless (and the
# part on what else changed checks a model whose flags must be right first).
# answer: inplace-4
# loses: inplace-4-tests, inplace-4-state-tests
# shows: inplace-relu-never-safe
def make_inplace_safe(model, example):
    for module in model.modules():
        if isinstance(module, nn.ReLU):
            module.inplace = False
    return model
