# Updates in place but outside torch.no_grad(): the update reads the model's parameters, so autograd
# records it, and the EMA's parameters become non-leaves that require grad (and hold the model's graph).
# answer: copy-2
# loses: copy-2-tests
# shows: copy-in-place-not-recorded
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    for e, p in zip(ema.parameters(), model.parameters()):
        e.lerp_(p, 1 - decay)
    for e, b in zip(ema.buffers(), model.buffers()):
        e.copy_(b)
