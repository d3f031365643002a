# Right: torch.no_grad() as a decorator, and every module's mode put back in a finally block.
# answer: mem-3
# loses:
@torch.no_grad()
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = {m: m.training for m in model.modules()}
    model.eval()
    try:
        log = []
        for x, y in batches:
            log.append(F.mse_loss(model(x), y).item())
    finally:
        for m, mode in modes.items():
            m.training = mode
    return sum(log) / len(log), log
