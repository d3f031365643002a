# Each cut where the running total comes nearest to its share of the whole (s/stages of the total): the best split
# for two stages, not for more.
# answer: pp-2
# loses: pp-2-tests
# shows: pipeline-balance-heuristic
def balance(times, stages):
    n, total = len(times), sum(times)
    prefix = [sum(times[:i]) for i in range(n + 1)]
    bounds = [0]
    for s in range(1, stages):
        lo, hi = bounds[-1] + 1, n - (stages - s)
        bounds.append(min(range(lo, hi + 1), key=lambda i: abs(prefix[i] - s * total / stages)))
    return bounds + [n]
