# Takes the end of the task that started last as the end of the run: right on GPipe and 1F1B, where
# stage 0's last backward both starts and ends last; wrong when an earlier, longer task on another
# stage is still running (a zero-bubble schedule's weight-gradient work on the last stage).
# answer: pics-4
# loses: pics-4-tests
# shows: timeline-last-start-ends-run
def measured_bubble(records):
    ordered = sorted(records, key=lambda r: r[3])
    stages = len({r[0] for r in records})
    busy = sum(r[4] - r[3] for r in records)
    return 1 - busy / (stages * (ordered[-1][4] - ordered[0][3]))
