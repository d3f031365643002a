# Wants an evaluation copy and writes copy.deepcopy(model.eval()): eval() switches the model itself and
# returns it, so the copy is in eval mode and so is the model being trained (BatchNorm stops updating its
# running statistics, Dropout stops dropping).
# answer: copy-2
# loses: copy-2-tests
# shows: copy-changes-caller
def make_ema(model):
    return copy.deepcopy(model.eval()).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
