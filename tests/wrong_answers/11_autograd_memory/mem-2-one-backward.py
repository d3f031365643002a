# Adds the weighted losses up and calls backward() once: the right gradient, with every micro-batch's graph held at once.
# answer: mem-2
# loses: mem-2-tests
# shows: accumulate-route-free
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    total = 0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        total = total + F.mse_loss(model(xb), yb) * (len(xb) / len(x))
    total.backward()
    opt.step()
    return total.item()
