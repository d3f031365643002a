# Switches to eval mode for the attack and back with model.train(): a model the caller had in eval mode
# comes back in training mode.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-mode-one-flag
def adversarial(model, x, target, eps):
    model.eval()
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    model.train()
    return x.detach() + eps * grad.sign()
