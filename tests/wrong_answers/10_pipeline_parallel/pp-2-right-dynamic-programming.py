# A right answer written differently: dynamic programming over (blocks used, stages used), for models of any depth.
# answer: pp-2
# loses:
from functools import lru_cache


def balance(times, stages):
    n = len(times)
    prefix = [0.0]
    for t in times:
        prefix.append(prefix[-1] + t)

    @lru_cache(maxsize=None)
    def best(start, k):  # (slowest stage, cuts) for blocks start.. split into k stages
        if k == 1:
            return prefix[n] - prefix[start], ()
        options = []
        for cut in range(start + 1, n - k + 2):
            rest, cuts = best(cut, k - 1)
            options.append((max(prefix[cut] - prefix[start], rest), (cut, *cuts)))
        return min(options)

    return [0, *best(0, stages)[1], n]
