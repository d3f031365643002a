# Freezes the model so backward() fills no parameter's .grad, then unfreezes every parameter: a layer the
# caller had frozen comes back trainable.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-changes-caller
def adversarial(model, x, target, eps):
    model.requires_grad_(False)
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        F.cross_entropy(model(probe), target).backward()
    model.requires_grad_(True)
    return (x.detach() + eps * probe.grad.sign()).detach()
