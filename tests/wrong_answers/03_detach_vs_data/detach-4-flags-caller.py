# Turns on requires_grad on the caller's x itself.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-changes-caller
def adversarial(model, x, target, eps):
    x.requires_grad_()
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x), target), x)
    return (x + eps * grad.sign()).detach()
