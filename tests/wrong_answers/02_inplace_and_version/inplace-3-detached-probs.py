# Detaches the probabilities to silence the error: the loss no longer reaches the model.
# answer: inplace-3
# loses: inplace-3-tests
# shows: inplace-detach-to-silence
def stable_nll(logits, target):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    probs = shifted.softmax(dim=1).detach()
    probs.clamp_(min=1e-6)
    return -probs.gather(1, target[:, None]).log().mean()
