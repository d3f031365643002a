# Right: torch.set_grad_enabled(False) for the evaluation, and the grad mode it found put back in a finally block.
# answer: mem-3
# loses:
def evaluate(model, batches):
    """The mean validation loss and each batch's loss, as floats; records no graph, leaves the model as it was."""
    modes = [(m, m.training) for m in model.modules()]
    was_recording = torch.is_grad_enabled()
    model.eval()
    torch.set_grad_enabled(False)
    try:
        log = [F.mse_loss(model(x), y).item() for x, y in batches]
    finally:
        torch.set_grad_enabled(was_recording)
        for m, mode in modes:
            m.training = mode
    return sum(log) / len(log), log
