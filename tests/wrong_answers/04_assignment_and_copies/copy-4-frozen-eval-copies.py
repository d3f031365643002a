# Makes the copies "safe" by freezing them and putting them in eval mode: they are not copies of the model
# (a layer that trained no longer does, Dropout and BatchNorm behave differently).
# answer: copy-4
# loses: copy-4-tests
# shows: copy-copies-frozen
def independent_copies(model, n):
    return [copy.deepcopy(model).requires_grad_(False).eval() for _ in range(n)]
