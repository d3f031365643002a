# A right answer written differently: the smallest stage time that a greedy fill can respect with `stages` stages
# (checked for every candidate: a stage's time is always a sum of consecutive blocks), then that greedy fill, with
# the leftover stages given one block each from the end.
# answer: pp-2
# loses:
def balance(times, stages):
    n = len(times)
    sums = sorted({sum(times[a:b]) for a in range(n) for b in range(a + 1, n + 1)})

    def fill(limit):
        bounds, total = [0], 0.0
        for i, t in enumerate(times):
            if total + t > limit + 1e-12:
                bounds.append(i)
                total = 0.0
            total += t
        return bounds

    for limit in sums:
        if max(times) <= limit and len(fill(limit)) <= stages:
            bounds = fill(limit)
            break
    cuts = set(bounds[1:])
    i = n - 1
    while len(cuts) < stages - 1:
        if i not in cuts:
            cuts.add(i)
        i -= 1
    return [0, *sorted(cuts), n]
