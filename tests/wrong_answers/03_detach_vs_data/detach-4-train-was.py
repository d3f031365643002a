# Attacks in eval mode and restores with model.train(was_training): right for a model all in one mode, but a
# training model that keeps one submodule in eval mode (a frozen BatchNorm while fine-tuning) comes back
# all in training mode. The mode is one flag per module, not one per model.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-mode-one-flag
def adversarial(model, x, target, eps):
    was_training = model.training
    model.eval()
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(F.cross_entropy(model(probe), target), probe)
    model.train(was_training)
    return x.detach() + eps * grad.sign()
