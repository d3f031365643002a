# The best split found with numpy, returned as numpy's integers (np.int64 is not an int): the split points asked
# for are ints.
# answer: pp-2
# loses: pp-2-tests
# shows: pipeline-numpy-int-is-int
import itertools

import numpy as np


def balance(times, stages):
    n = len(times)
    prefix = np.concatenate([[0.0], np.cumsum(times)])
    cuts = [np.array([0, *c, n]) for c in itertools.combinations(range(1, n), stages - 1)]
    best = min(cuts, key=lambda b: np.diff(prefix[b]).max())
    return list(best)
