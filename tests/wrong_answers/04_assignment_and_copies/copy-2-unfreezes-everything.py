# Freezes the model to copy it frozen, then switches every parameter back on: a layer the model had
# frozen comes back trainable.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-changes-caller
def make_ema(model):
    model.requires_grad_(False)
    ema = copy.deepcopy(model)
    model.requires_grad_(True)
    return ema


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
