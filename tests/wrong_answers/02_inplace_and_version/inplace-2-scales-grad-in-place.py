# Goes in place one step too far: scales the gradient itself by lr (p.grad.mul_(lr)) to save a tensor.
# The parameters come out right, but the caller's gradient tensors were rewritten: anything that holds
# them (gradient logging, a norm computed after the step, a second optimizer) sees lr * grad.
# answer: inplace-2
# loses: inplace-2-tests
# shows: inplace-grad-is-scratch
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.sub_(p.grad.mul_(lr))
                p.grad = None
