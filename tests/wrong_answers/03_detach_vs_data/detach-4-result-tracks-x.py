# Probes a detached clone, but builds the result from x itself: when x requires grad, so does the result,
# with a graph behind it.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-result-is-plain
def adversarial(model, x, target, eps):
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    return x + eps * grad.sign()
