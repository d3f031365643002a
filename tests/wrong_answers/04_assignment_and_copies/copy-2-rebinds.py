# Computes the average into a new tensor and rebinds the loop name: the EMA never moves.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-augmented-rebinds
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e = decay * e + (1 - decay) * p
