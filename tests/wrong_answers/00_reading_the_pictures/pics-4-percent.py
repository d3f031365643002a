# Returns a percentage instead of a fraction.
# answer: pics-4
# loses: pics-4-tests
# slip: the form: a percentage, not a fraction
def measured_bubble(records):
    stages = len({r[0] for r in records})
    span = max(r[4] for r in records) - min(r[3] for r in records)
    busy = sum(r[4] - r[3] for r in records)
    return 100 * (1 - busy / (stages * span))
