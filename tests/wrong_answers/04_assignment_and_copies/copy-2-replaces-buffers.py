# Copies each buffer by registering a clone of the model's in its place: right values, no memory shared,
# but a new buffer at every update instead of an in-place copy (anything holding the old one goes stale).
# answer: copy-2
# loses: copy-2-tests
# shows: copy-replace-not-update
def make_ema(model):
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        ema_modules = dict(ema.named_modules())
        for name, b in model.named_buffers():
            path, _, leaf = name.rpartition(".")
            setattr(ema_modules[path], leaf, b.clone())
