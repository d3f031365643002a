# Right: summed squared errors over the number of elements in the whole batch, which is the batch's mean loss in parts.
# answer: mem-2
# loses:
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    total = 0.0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model(xb), yb, reduction="sum") / y.numel()
        loss.backward()
        total += loss.item()
    opt.step()
    return total
