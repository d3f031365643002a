# Returns a result that still carries the graph back to the probe.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-result-is-plain
def adversarial(model, x, target, eps):
    probe = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    return probe + eps * grad.sign()
