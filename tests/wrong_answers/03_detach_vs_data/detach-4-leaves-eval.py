# Attacks in eval mode, as one should, but never puts the model back: the caller's training loop goes on
# without Dropout and with frozen BatchNorm statistics.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-changes-caller
def adversarial(model, x, target, eps):
    model.eval()
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    return x.detach() + eps * grad.sign()
