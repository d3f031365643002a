# Detaches each loss after the forward pass: nothing is kept after the call, but each graph was built and saved.
# answer: mem-3
# loses: mem-3-tests
# shows: eval-stops-recording
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    log = []
    for x, y in batches:
        loss = F.mse_loss(model(x), y).detach()
        log.append(float(loss))
    for m, mode in modes:
        m.training = mode
    return sum(log) / len(log), log
