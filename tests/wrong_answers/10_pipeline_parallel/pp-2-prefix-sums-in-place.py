# Prefix sums made in place, the way a C habit does it: the right split points, but the caller's list of block
# times comes back cumulative (block_ms, once balanced, is no longer each block's time). The tests hand balance a
# copy of every list, so they never see it.
# answer: pp-2
# loses: pp-2-tests
# shows: pipeline-list-argument-copied
import itertools


def balance(times, stages):
    n = len(times)
    for i in range(1, n):
        times[i] += times[i - 1]
    prefix = [0.0, *times]
    cuts = min(itertools.combinations(range(1, n), stages - 1),
               key=lambda cut: max(prefix[b] - prefix[a] for a, b in itertools.pairwise([0, *cut, n])))
    return [0, *cuts, n]
