# "Copies" each buffer by giving it the model's tensor (e.data = b): the values are right, but from the
# first update on the EMA's running statistics are the model's memory.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-replace-not-update
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.data = b
