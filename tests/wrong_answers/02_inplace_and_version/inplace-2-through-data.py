# The legacy route: right values, but the write is hidden from autograd (no version bump).
# answer: inplace-2
# loses: inplace-2-version-tests
# shows: inplace-data-is-safe
def sgd_step_(params, lr):
    for p in params:
        if p.grad is not None:
            p.data -= lr * p.grad
            p.grad = None
