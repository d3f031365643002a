# Calls torch.set_grad_enabled(True) as a statement "because the caller may be under no_grad": it switches
# autograd on for the rest of the caller's evaluation loop, not just for the attack.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-changes-caller
def adversarial(model, x, target, eps):
    torch.set_grad_enabled(True)
    probe = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    return x.detach() + eps * grad.sign()
