# Rebinds the loop variable: a new tensor is made and the parameter never changes.
# answer: inplace-2
# loses: inplace-2-tests, inplace-2-version-tests
# shows: inplace-rebinding-writes
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p = p - lr * p.grad
                p.grad = None
