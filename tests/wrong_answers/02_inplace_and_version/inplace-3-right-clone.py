# A right fix written differently: clone, then clamp the clone in place (clone's backward saves nothing).
# answer: inplace-3
# loses:
def stable_nll(logits, target):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    probs = shifted.softmax(dim=1).clone()
    probs.clamp_(min=1e-6)
    return -probs.gather(1, target[:, None]).log().mean()
