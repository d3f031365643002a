# Runs the whole batch once more under no_grad to report its loss: the batch the accumulation was meant to avoid.
# answer: mem-2
# loses: mem-2-tests
# shows: accumulate-route-free
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    with torch.no_grad():
        total = F.mse_loss(model(x), y).item()
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        (F.mse_loss(model(xb), yb) * (len(xb) / len(x))).backward()
    opt.step()
    return total
