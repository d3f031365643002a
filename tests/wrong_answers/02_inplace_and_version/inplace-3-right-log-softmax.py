# A right answer in log space: clamping log-probabilities at log(1e-6) is the same function, gradient and all.
# answer: inplace-3
# loses:
import math


def stable_nll(logits, target):
    log_probs = F.log_softmax(logits, dim=1).clamp(min=math.log(1e-6))
    return -log_probs.gather(1, target[:, None]).mean()
