# Divides each micro-batch's loss by steps, right only when steps divides the batch into equal micro-batches.
# answer: mem-2
# loses: mem-2-tests
# shows: micro-batch-loss-weighting
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    total = 0.0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model(xb), yb) / steps
        loss.backward()
        total += loss.item()
    opt.step()
    return total
