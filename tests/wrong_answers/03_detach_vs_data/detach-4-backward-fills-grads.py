# Uses loss.backward(): right values, but the model's parameters are left with gradients.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-backward-for-input-grad
def adversarial(model, x, target, eps):
    probe = x.detach().clone().requires_grad_()
    F.cross_entropy(model(probe), target).backward()
    return (x + eps * probe.grad.sign()).detach()
