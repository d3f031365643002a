# Returns the ideal schedule's formula (p-1)/(m+p-1) instead of measuring: right on ideal GPipe
# timelines (a backward longer than the forward keeps it right), wrong on a run where a send is slow.
# answer: pics-4
# loses: pics-4-tests
# shows: timeline-formula-is-measured
def measured_bubble(records):
    p = len({r[0] for r in records})
    m = len({r[1] for r in records})
    return (p - 1) / (m + p - 1)
