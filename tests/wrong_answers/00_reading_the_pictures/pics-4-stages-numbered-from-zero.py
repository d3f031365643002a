# Counts stages as the highest stage index + 1: right when stages are numbered 0..p-1, wrong for records
# from ranks 4..7 (say, the second pipeline on a node).
# answer: pics-4
# loses: pics-4-tests
# shows: timeline-stages-by-number
def measured_bubble(records):
    stages = max(r[0] for r in records) + 1
    start = min(r[3] for r in records)
    end = max(r[4] for r in records)
    return 1 - sum(r[4] - r[3] for r in records) / (stages * (end - start))
