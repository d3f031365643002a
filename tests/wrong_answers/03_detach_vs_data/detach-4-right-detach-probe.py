# A right answer written differently: detach() alone is enough for the probe (nothing writes to it), and
# requires_grad_() on a detached tensor leaves x alone.
# answer: detach-4
# loses:
def adversarial(model, x, target, eps):
    probe = x.detach().requires_grad_()
    with torch.enable_grad():
        loss = F.cross_entropy(model(probe), target)
    return (probe + eps * torch.autograd.grad(loss, probe)[0].sign()).detach()
