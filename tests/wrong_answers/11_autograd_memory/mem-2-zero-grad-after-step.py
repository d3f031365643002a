# Zeroes after the step, as many loops do: whatever .grad held before the call reaches the step, and .grad is empty after.
# answer: mem-2
# loses: mem-2-tests
# shows: zero-grad-placement
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    total = 0.0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model(xb), yb) * (len(xb) / len(x))
        loss.backward()
        total += loss.item()
    opt.step()
    opt.zero_grad()
    return total
