# Right: each micro-batch's gradient taken with torch.autograd.grad, summed by hand, and put in .grad for the step.
# answer: mem-2
# loses:
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    params = [p for p in model.parameters() if p.requires_grad]
    sums = [torch.zeros_like(p) for p in params]
    total = 0.0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model(xb), yb) * (len(xb) / len(x))
        for s, g in zip(sums, torch.autograd.grad(loss, params)):
            s += g
        total += loss.item()
    for p, s in zip(params, sums):
        p.grad = s
    opt.step()
    return total
