# Freezes before copying: the copy is frozen, and so is the model being trained.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-changes-caller
def make_ema(model):
    model.requires_grad_(False)
    return copy.deepcopy(model)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
