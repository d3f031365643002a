# Right: model.zero_grad() before the micro-batches, the weight computed from the row counts.
# answer: mem-2
# loses:
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    model.zero_grad()
    total = 0.0
    n = x.shape[0]
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        share = xb.shape[0] / n
        loss = share * F.mse_loss(model(xb), yb)
        loss.backward()
        total += loss.item()
    opt.step()
    return total
