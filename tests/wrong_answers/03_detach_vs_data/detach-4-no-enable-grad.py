# Right when autograd is on, but an evaluation loop calls it under torch.no_grad(): nothing is recorded,
# and autograd.grad has no graph to walk.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-no-grad-records
def adversarial(model, x, target, eps):
    probe = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    return (x.detach() + eps * grad.sign()).detach()
