# model.eval() and .item(), modes restored, but no no_grad: every forward pass still builds and saves a graph.
# answer: mem-3
# loses: mem-3-tests
# shows: eval-stops-recording
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    log = [F.mse_loss(model(x), y).item() for x, y in batches]
    for m, mode in modes:
        m.training = mode
    return sum(log) / len(log), log
