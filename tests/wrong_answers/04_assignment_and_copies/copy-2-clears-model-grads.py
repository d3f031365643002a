# Believes deepcopy copies .grad (it does for a plain tensor, not for a Parameter: lesson 04, section 2) and
# clears it on the model before copying: the gradients the training loop was accumulating are wiped.
# answer: copy-2
# loses: copy-2-tests
# shows: copy-deepcopy-copies-grad
def make_ema(model):
    model.zero_grad()
    return copy.deepcopy(model).requires_grad_(False)


def ema_update_(ema, model, decay):
    with torch.no_grad():
        for e, p in zip(ema.parameters(), model.parameters()):
            e.lerp_(p, 1 - decay)
        for e, b in zip(ema.buffers(), model.buffers()):
            e.copy_(b)
