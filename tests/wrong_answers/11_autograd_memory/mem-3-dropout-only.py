# Switches only the Dropout layers to evaluation mode ("eval() turns dropout off"): a BatchNorm keeps using, and updating, batch statistics.
# answer: mem-3
# loses: mem-3-tests
# shows: eval-layers-partial
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    dropouts = [(m, m.training) for m in model.modules() if isinstance(m, nn.Dropout)]
    for m, _ in dropouts:
        m.eval()
    with torch.no_grad():
        log = [F.mse_loss(model(x), y).item() for x, y in batches]
    for m, mode in dropouts:
        m.train(mode)
    return sum(log) / len(log), log
