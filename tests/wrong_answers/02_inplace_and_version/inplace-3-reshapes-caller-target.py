# Fixes the logits but reshapes the caller's target in place (target.unsqueeze_(1)): the caller's labels
# come back with shape (n, 1) and _version 1, and the caller's next use of them (cross_entropy, accuracy,
# a second call) fails. Thinks in-place is only dangerous for tensors autograd saved.
# answer: inplace-3
# loses: inplace-3-caller-tests
# shows: inplace-only-saved-tensors-matter
def stable_nll(logits, target):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    probs = shifted.softmax(dim=1).clamp(min=1e-6)
    return -probs.gather(1, target.unsqueeze_(1)).log().mean()
