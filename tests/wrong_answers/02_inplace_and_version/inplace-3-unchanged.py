# Submits the broken function unchanged.
# answer: inplace-3
# loses: inplace-3-tests, inplace-3-caller-tests
# shows: inplace-outputs-never-saved, inplace-only-saved-tensors-matter
def stable_nll(logits, target):
    logits -= logits.max(dim=1, keepdim=True).values
    probs = logits.softmax(dim=1)
    probs.clamp_(min=1e-6)
    return -probs.gather(1, target[:, None]).log().mean()
