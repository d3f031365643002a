# Walks the state dicts, averaging what named_parameters() names and copying the rest as buffers: a tied
# weight has two names in a state dict but one among the parameters, so under its second name the EMA's
# one matrix is overwritten with the model's.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-state-dict-one-name
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    params = dict(ema.named_parameters())
    model_state = model.state_dict()
    with torch.no_grad():
        for name, e in ema.state_dict().items():
            if name in params:
                e.lerp_(model_state[name], 1 - decay)
            else:
                e.copy_(model_state[name])
