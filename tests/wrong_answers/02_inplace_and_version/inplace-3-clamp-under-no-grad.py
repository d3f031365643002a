# Wraps the clamp in no_grad: the write still bumps the version, so backward still raises.
# answer: inplace-3
# loses: inplace-3-tests
# shows: inplace-no-grad-hides-write
def stable_nll(logits, target):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    probs = shifted.softmax(dim=1)
    with torch.no_grad():
        probs.clamp_(min=1e-6)
    return -probs.gather(1, target[:, None]).log().mean()
