# A right answer written differently: numpy prefix sums over every cut, the split points turned back into ints.
# answer: pp-2
# loses:
import itertools

import numpy as np


def balance(times, stages):
    n = len(times)
    prefix = np.concatenate([[0.0], np.cumsum(times)])
    cuts = [np.array([0, *c, n]) for c in itertools.combinations(range(1, n), stages - 1)]
    best = min(cuts, key=lambda b: np.diff(prefix[b]).max())
    return [int(b) for b in best]
