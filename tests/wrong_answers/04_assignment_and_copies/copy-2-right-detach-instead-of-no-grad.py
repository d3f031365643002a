# A right answer written differently: reads the model through detach() instead of working under no_grad.
# Nothing the update reads requires grad, so nothing is recorded.
# answer: copy-2
# loses:
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    for e, p in zip(ema.parameters(), model.parameters()):
        e.mul_(decay).add_(p.detach(), alpha=1 - decay)
    for e, b in zip(ema.buffers(), model.buffers()):
        e.copy_(b)
