# Zeroes the gradients at the top of every micro-batch, as in a plain training loop: only the last one is stepped.
# answer: mem-2
# loses: mem-2-tests
# shows: zero-grad-placement
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    total = 0.0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        opt.zero_grad()
        loss = F.mse_loss(model(xb), yb) * (len(xb) / len(x))
        loss.backward()
        total += loss.item()
    opt.step()
    return total
