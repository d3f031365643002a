# Avoids the in-place clamp by adding a small epsilon before the log: no crash, but a different function
# (every loss moves, and a tiny probability no longer stops at 1e-6).
# answer: inplace-3
# loses: inplace-3-tests
# slip: the arithmetic: an epsilon that changes the value
def stable_nll(logits, target):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    probs = shifted.softmax(dim=1)
    return -(probs.gather(1, target[:, None]) + 1e-6).log().mean()
