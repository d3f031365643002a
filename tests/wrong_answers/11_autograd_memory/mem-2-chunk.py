# Splits with chunk(steps), which gives fewer pieces than asked for some sizes (6 rows in 4 chunks: 3 pieces).
# answer: mem-2
# loses: mem-2-tests
# shows: split-count
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    opt.zero_grad()
    total = 0.0
    for xb, yb in zip(x.chunk(steps), y.chunk(steps)):
        loss = F.mse_loss(model(xb), yb) * (len(xb) / len(x))
        loss.backward()
        total += loss.item()
    opt.step()
    return total
