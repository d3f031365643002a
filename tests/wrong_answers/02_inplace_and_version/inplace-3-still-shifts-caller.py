# Fixes the clamp but still shifts the caller's logits in place.
# answer: inplace-3
# loses: inplace-3-caller-tests
# shows: inplace-only-saved-tensors-matter
def stable_nll(logits, target):
    logits -= logits.max(dim=1, keepdim=True).values
    probs = logits.softmax(dim=1).clamp(min=1e-6)
    return -probs.gather(1, target[:, None]).log().mean()
