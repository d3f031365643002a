# Remembers the model's mode and each layer's (its children), and puts them back with train(mode): a layer's own sublayers in another mode are reset.
# answer: mem-3
# loses: mem-3-tests
# shows: train-restores-modes
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    was_training = model.training
    layer_modes = [(layer, layer.training) for layer in model.children()]
    model.eval()
    with torch.no_grad():
        log = [F.mse_loss(model(x), y).item() for x, y in batches]
    model.train(was_training)
    for layer, mode in layer_modes:
        layer.train(mode)
    return sum(log) / len(log), log
