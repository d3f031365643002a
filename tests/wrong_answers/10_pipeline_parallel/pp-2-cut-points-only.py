# The best cuts, but only the inner ones: [2] where [0, 2, 8] was asked for.
# answer: pp-2
# loses: pp-2-tests
# slip: the form: the inner cut points only, without the ends the task asks for
import itertools


def balance(times, stages):
    n = len(times)
    return list(min(itertools.combinations(range(1, n), stages - 1),
                    key=lambda cut: max(pp.stage_times(times, [0, *cut, n]))))
