# "Updates" each parameter by giving it a new tensor through .data: the same Parameter object with the
# right values, but new memory at every update, not the in-place update the spec asks for (what held the
# EMA's memory, a state_dict() or a view, is left behind; lesson 03: never .data).
# answer: copy-2
# loses: copy-2-tests
# shows: copy-replace-not-update
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.data = decay * e + (1 - decay) * p
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
