# Right: calls model.forward(xb), which skips the model's own hooks; the model still runs once per micro-batch.
# answer: mem-2
# loses:
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    total = 0.0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model.forward(xb), yb) * (len(xb) / len(x))
        loss.backward()
        total += loss.item()
    opt.step()
    return total
