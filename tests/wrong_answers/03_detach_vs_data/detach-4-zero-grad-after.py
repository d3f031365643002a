# Uses loss.backward(), then model.zero_grad() to "leave the .grad as it found it": it wipes the gradients
# the training loop had accumulated.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-backward-for-input-grad
def adversarial(model, x, target, eps):
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        F.cross_entropy(model(probe), target).backward()
    model.zero_grad()
    return (x.detach() + eps * probe.grad.sign()).detach()
