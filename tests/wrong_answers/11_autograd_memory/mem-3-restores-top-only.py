# Remembers model.training only: model.train(mode) then sets every submodule, a part in another mode included.
# answer: mem-3
# loses: mem-3-tests
# shows: train-restores-modes
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    was_training = model.training
    model.eval()
    with torch.no_grad():
        log = [F.mse_loss(model(x), y).item() for x, y in batches]
    model.train(was_training)
    return sum(log) / len(log), log
