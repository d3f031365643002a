# Returns the loss as a detached tensor, not a Python float.
# answer: mem-2
# loses: mem-2-tests
# shows: tensor-as-number
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    total = 0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model(xb), yb) * (len(xb) / len(x))
        loss.backward()
        total = total + loss.detach()
    opt.step()
    return total
