# Replaces the function with cross_entropy: no clamp, so very confident wrong rows cost far more.
# answer: inplace-3
# loses: inplace-3-tests
# slip: the arithmetic: a different loss than the one asked for
def stable_nll(logits, target):
    return F.cross_entropy(logits, target)
