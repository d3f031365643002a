# Replaces the function with cross_entropy: no clamp, so very confident wrong rows cost far more.
# answer: inplace-3
# loses: inplace-3-tests
def stable_nll(logits, target):
    return F.cross_entropy(logits, target)
