# A right answer written differently: mul_ and add_, and requires_grad switched off per parameter.
# answer: copy-2
# loses:
def make_ema(model):
    ema = copy.deepcopy(model)
    for p in ema.parameters():
        p.requires_grad = False
    return ema


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.mul_(decay).add_(p, alpha=1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
