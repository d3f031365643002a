# Uses backward(), then resets each .grad to what it was: a parameter that had no .grad is left with
# zeros instead of None (an optimizer with weight decay then steps a parameter it should skip).
# answer: detach-4
# loses: detach-4-tests
# shows: detach-backward-for-input-grad
def adversarial(model, x, target, eps):
    params = [p for p in model.parameters() if p.requires_grad]
    before = [None if p.grad is None else p.grad.clone() for p in params]
    probe = x.detach().clone().requires_grad_()
    with torch.enable_grad():
        F.cross_entropy(model(probe), target).backward()
    for p, b in zip(params, before):
        if b is None:
            p.grad.zero_()
        else:
            p.grad.copy_(b)
    return x.detach() + eps * probe.grad.sign()
