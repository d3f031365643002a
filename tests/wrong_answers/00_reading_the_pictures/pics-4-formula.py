# Returns the ideal schedule's formula (p-1)/(m+p-1) instead of measuring: right on ideal GPipe
# timelines, wrong on a real run where a send is slow and backward takes longer than forward.
# answer: pics-4
# loses: pics-4-tests
# shows: timeline-formula-is-measured
def measured_bubble(records):
    p = len({r[0] for r in records})
    m = len({r[1] for r in records})
    return (p - 1) / (m + p - 1)
