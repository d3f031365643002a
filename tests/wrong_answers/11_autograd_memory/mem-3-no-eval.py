# no_grad without eval(): no graph, but dropout stays on and the losses are those of a random sub-network.
# answer: mem-3
# loses: mem-3-tests
# shows: eval-layers-partial
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    with torch.no_grad():
        log = [F.mse_loss(model(x), y).item() for x, y in batches]
    return sum(log) / len(log), log
