# Writes into the leaf without torch.no_grad(): autograd refuses at once.
# answer: inplace-2
# loses: inplace-2-tests, inplace-2-version-tests
# shows: inplace-leaf-write-without-no-grad
def sgd_step_(params, lr):
    for p in params:
        if p.grad is not None:
            p -= lr * p.grad
            p.grad = None
