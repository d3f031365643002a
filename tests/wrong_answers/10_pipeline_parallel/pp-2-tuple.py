# The best split, returned as a tuple instead of the list asked for.
# answer: pp-2
# loses: pp-2-tests
# slip: the form: a tuple where the task asks for a list
import itertools


def balance(times, stages):
    n = len(times)
    cut = min(itertools.combinations(range(1, n), stages - 1),
              key=lambda c: max(pp.stage_times(times, [0, *c, n])))
    return (0, *cut, n)
