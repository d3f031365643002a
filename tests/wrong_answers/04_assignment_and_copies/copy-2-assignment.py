# "Copies" the model by assignment: the EMA is the model.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-assignment-copies
def make_ema(model):
    return model


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
