# Freezes the parameters, then unfreezes all of them: a layer frozen before the call comes back trainable.
# answer: mem-3
# loses: mem-3-tests
# shows: grad-switch-left-changed
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    model.requires_grad_(False)
    log = [F.mse_loss(model(x), y).item() for x, y in batches]
    model.requires_grad_(True)
    for m, mode in modes:
        m.training = mode
    return sum(log) / len(log), log
