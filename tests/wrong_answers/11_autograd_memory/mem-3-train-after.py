# Puts the model back with model.train(): right for a model that was training, wrong for one in evaluation mode.
# answer: mem-3
# loses: mem-3-tests
# shows: train-restores-modes
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    model.eval()
    with torch.no_grad():
        log = [F.mse_loss(model(x), y).item() for x, y in batches]
    model.train()
    return sum(log) / len(log), log
