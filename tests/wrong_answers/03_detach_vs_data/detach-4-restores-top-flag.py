# Attacks in eval mode and puts back model.training by assignment, believing the mode is one flag:
# eval mode switched every submodule, and they stay in eval mode.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-mode-one-flag
def adversarial(model, x, target, eps):
    was_training = model.training
    model.eval()
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    model.training = was_training
    return x.detach() + eps * grad.sign()
