# Takes "frozen" to mean requires_grad=False: a trainable parameter that got no gradient (a layer this
# batch did not use) crashes the step.
# answer: inplace-2
# loses: inplace-2-tests
# shows: inplace-every-param-has-grad
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            if p.requires_grad:
                p.sub_(lr * p.grad)
                p.grad = None
