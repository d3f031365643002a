# Updates in one loop and clears the gradients in a second: params is a generator (model.parameters()),
# used up by the first loop, so the gradients are never cleared.
# answer: inplace-2
# loses: inplace-2-tests
# slip: Python, not torch: model.parameters() is a generator, used up by the first loop
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.sub_(lr * p.grad)
    for p in params:
        p.grad = None
