# Shallow copy: a new module object over the model's own parameters.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-shallow-copies-deep
def make_ema(model):
    return copy.copy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
