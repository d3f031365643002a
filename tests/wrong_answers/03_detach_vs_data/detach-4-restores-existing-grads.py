# Uses backward() and puts back the gradients that were there: a parameter that had no .grad (a model
# the training loop has not run backward on yet) is left holding the attack's gradient.
# answer: detach-4
# loses: detach-4-tests
# shows: detach-backward-for-input-grad
def adversarial(model, x, target, eps):
    saved = {p: p.grad.clone() for p in model.parameters() if p.grad is not None}
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        F.cross_entropy(model(probe), target).backward()
    for p, g in saved.items():
        p.grad = g
    return x.detach() + eps * probe.grad.sign()
