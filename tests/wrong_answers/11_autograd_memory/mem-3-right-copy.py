# Right: evaluates a copy of the model in evaluation mode under no_grad, so the model itself is never touched.
# answer: mem-3
# loses:
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    frozen = copy.deepcopy(model).eval()
    with torch.no_grad():
        log = [F.mse_loss(frozen(x), y).item() for x, y in batches]
    return sum(log) / len(log), log
