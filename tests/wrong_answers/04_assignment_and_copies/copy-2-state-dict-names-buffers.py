# Walks the state dicts, copying what named_buffers() names and averaging the rest: a tied weight has two
# names in a state dict, both over one matrix, so the EMA moves it toward the model twice per update.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-state-dict-one-name
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    buffers = dict(ema.named_buffers())
    model_state = model.state_dict()
    with torch.no_grad():
        for name, e in ema.state_dict().items():
            if name in buffers:
                e.copy_(model_state[name])
            else:
                e.lerp_(model_state[name], 1 - decay)
