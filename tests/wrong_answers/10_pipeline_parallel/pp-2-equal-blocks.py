# Balanced by the number of blocks, not by their time: the split every tutorial starts from.
# answer: pp-2
# loses: pp-2-tests
# shows: pipeline-balance-by-blocks
def balance(times, stages):
    n = len(times)
    return [round(s * n / stages) for s in range(stages)] + [n]
