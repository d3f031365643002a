# Averages the floating-point buffers like the parameters (AveragedModel's use_buffers=True) instead of
# copying them from the model.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-state-is-parameters
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            if e.is_floating_point():
                e.lerp_(b, 1 - decay)
            else:
                e.copy_(b)
