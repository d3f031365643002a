# Right: the modes remembered by name and put back with get_submodule, under inference_mode.
# answer: mem-3
# loses:
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = {name: m.training for name, m in model.named_modules()}
    model.eval()
    with torch.inference_mode():
        log = [float(F.mse_loss(model(x), y)) for x, y in batches]
    for name, mode in modes.items():
        model.get_submodule(name).training = mode
    return sum(log) / len(log), log
