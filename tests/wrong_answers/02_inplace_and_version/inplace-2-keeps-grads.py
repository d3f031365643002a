# Forgets to clear the gradients: the next backward() adds to the old ones.
# answer: inplace-2
# loses: inplace-2-tests
# shows: inplace-grad-used-up
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.sub_(lr * p.grad)
