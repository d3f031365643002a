# Balances the blocks after sorting them by time (a bin-packing habit): stages must keep the blocks' order, and the
# split points found for the sorted list do not fit the model's.
# answer: pp-2
# loses: pp-2-tests
# shows: pipeline-stages-reorder
import itertools


def balance(times, stages):
    ordered = sorted(times, reverse=True)
    n = len(times)
    cuts = min(itertools.combinations(range(1, n), stages - 1),
               key=lambda cut: max(pp.stage_times(ordered, [0, *cut, n])))
    return [0, *cuts, n]
