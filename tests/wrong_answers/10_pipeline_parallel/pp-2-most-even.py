# "Balanced" read as "as even as possible": the split whose fastest and slowest stages differ least, not the one
# whose slowest stage is fastest.
# answer: pp-2
# loses: pp-2-tests
# shows: pipeline-balance-heuristic
import itertools


def balance(times, stages):
    n = len(times)

    def spread(cut):
        t = pp.stage_times(times, [0, *cut, n])
        return max(t) - min(t)

    return [0, *min(itertools.combinations(range(1, n), stages - 1), key=spread), n]
