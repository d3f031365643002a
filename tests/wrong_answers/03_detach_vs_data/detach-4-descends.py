# Steps against the gradient: that lowers the loss, the opposite of an attack.
# answer: detach-4
# loses: detach-4-tests
# slip: the arithmetic: steps against the gradient's sign, where the attack climbs the loss
def adversarial(model, x, target, eps):
    probe = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    return (x - eps * grad.sign()).detach()
