# Turns recording off with torch.set_grad_enabled(False) and never turns it back on: training after it records nothing.
# answer: mem-3
# loses: mem-3-tests
# shows: grad-switch-left-changed
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    torch.set_grad_enabled(False)
    log = [F.mse_loss(model(x), y).item() for x, y in batches]
    for m, mode in modes:
        m.training = mode
    return sum(log) / len(log), log
