# Counts stages as the highest stage index, one short.
# answer: pics-4
# loses: pics-4-tests
# shows: timeline-stages-by-number
def measured_bubble(records):
    stages = max(r[0] for r in records)
    span = max(r[4] for r in records) - min(r[3] for r in records)
    busy = sum(r[4] - r[3] for r in records)
    return 1 - busy / (max(stages, 1) * span)
