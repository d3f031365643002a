# A right answer written differently: add_ with alpha, one no_grad block per parameter.
# answer: inplace-2
# loses:
def sgd_step_(params, lr):
    for p in params:
        if p.grad is None:
            continue
        with torch.no_grad():
            p.add_(p.grad, alpha=-lr)
        p.grad = None
