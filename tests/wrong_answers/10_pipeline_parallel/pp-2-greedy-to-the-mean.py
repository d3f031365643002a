# Greedy: fill each stage until the next block would take it past the mean stage time. Near-balanced, not the best
# split: the first block can be cut off alone before a huge one.
# answer: pp-2
# loses: pp-2-tests
# shows: pipeline-balance-heuristic
def balance(times, stages):
    target = sum(times) / stages
    bounds, total = [0], 0.0
    for i, t in enumerate(times):
        if total + t > target and total > 0 and len(bounds) < stages and i < len(times):
            bounds.append(i)
            total = 0.0
        total += t
    return bounds + [len(times)]
