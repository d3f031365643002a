# Takes the latest end as the total time, as if every measurement started at t = 0.
# answer: pics-4
# loses: pics-4-tests
# shows: timeline-clock-from-zero
def measured_bubble(records):
    stages = len({r[0] for r in records})
    busy = sum(r[4] - r[3] for r in records)
    return 1 - busy / (stages * max(r[4] for r in records))
