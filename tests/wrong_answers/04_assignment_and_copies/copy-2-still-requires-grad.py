# Deep copy, but its parameters still require grad.
# answer: copy-2
# loses: copy-2-tests
# slip: the task: forgets to freeze the EMA copy's parameters
def make_ema(model):
    return copy.deepcopy(model)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
