# Assumes every parameter has a gradient: a frozen parameter (grad None) crashes the step.
# answer: inplace-2
# loses: inplace-2-tests
# shows: inplace-every-param-has-grad
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            p.sub_(lr * p.grad)
            p.grad = None
