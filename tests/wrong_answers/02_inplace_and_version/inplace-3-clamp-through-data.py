# Silences the error by clamping through .data: backward runs, the gradient is wrong where the clamp acts.
# answer: inplace-3
# loses: inplace-3-tests
# shows: inplace-data-is-safe
def stable_nll(logits, target):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    probs = shifted.softmax(dim=1)
    probs.data.clamp_(min=1e-6)
    return -probs.gather(1, target[:, None]).log().mean()
