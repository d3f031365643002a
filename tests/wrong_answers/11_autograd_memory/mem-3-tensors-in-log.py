# Records no graph, but logs the loss tensors themselves instead of floats.
# answer: mem-3
# loses: mem-3-tests
# shows: tensor-as-number
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    with torch.no_grad():
        log = [F.mse_loss(model(x), y) for x, y in batches]
    for m, mode in modes:
        m.training = mode
    return sum(log).item() / len(log), log
