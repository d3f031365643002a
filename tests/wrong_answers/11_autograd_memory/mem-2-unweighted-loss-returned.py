# Steps right, but reports the plain mean of the micro-batch losses, which is not the batch's loss when sizes differ.
# answer: mem-2
# loses: mem-2-tests
# shows: micro-batch-loss-weighting
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    losses = []
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model(xb), yb)
        (loss * len(xb) / len(x)).backward()
        losses.append(loss.item())
    opt.step()
    return sum(losses) / steps
