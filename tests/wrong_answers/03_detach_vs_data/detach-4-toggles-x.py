# Switches requires_grad on x itself and off again afterwards: right for a plain x, but an x that
# required grad comes back without it.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-changes-caller
def adversarial(model, x, target, eps):
    x.requires_grad_()
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(F.cross_entropy(model(x), target), x)
    x.requires_grad_(False)
    return x + eps * grad.sign()
