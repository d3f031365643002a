# Averages the parameters but leaves batch norm's running statistics behind.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-state-is-parameters
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
