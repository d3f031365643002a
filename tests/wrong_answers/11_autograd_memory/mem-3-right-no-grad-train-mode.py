# Right: no_grad, and each module given back its mode with train(mode), parents before their children.
# answer: mem-3
# loses:
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = {m: m.training for m in model.modules()}
    model.eval()
    log = []
    with torch.no_grad():
        for x, y in batches:
            log.append(F.mse_loss(model(x), y).item())
    for m in model.modules():
        m.train(modes[m])
    return sum(log) / len(log), log
