# Zeroes each parameter's .grad in place, as old training loops do: a model that has no .grad yet (its first step) crashes.
# answer: mem-2
# loses: mem-2-tests
# shows: grad-exists-before-backward
def accumulated_step(model, opt, x, y, steps):
    """One optimizer step for the batch (x, y), accumulated over `steps` micro-batches; returns the batch loss."""
    for p in model.parameters():
        p.grad.zero_()
    total = 0.0
    for xb, yb in zip(x.tensor_split(steps), y.tensor_split(steps)):
        loss = F.mse_loss(model(xb), yb) * (len(xb) / len(x))
        loss.backward()
        total += loss.item()
    opt.step()
    return total
