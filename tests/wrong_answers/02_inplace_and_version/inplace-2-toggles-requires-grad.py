# Switches requires_grad off to be allowed to write, then back on: right on every model the tests try,
# but a parameter the caller froze after a backward() (it still holds a .grad) is unfrozen.
# answer: inplace-2
# loses: inplace-2-tests
# shows: inplace-toggle-requires-grad
def sgd_step_(params, lr):
    for p in params:
        if p.grad is not None:
            p.requires_grad_(False)
            p.sub_(lr * p.grad)
            p.requires_grad_(True)
            p.grad = None
