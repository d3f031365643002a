# Compares busy time with the span alone, forgetting that every stage has the whole span.
# answer: pics-4
# loses: pics-4-tests
# shows: timeline-span-not-per-stage
def measured_bubble(records):
    span = max(r[4] for r in records) - min(r[3] for r in records)
    busy = sum(r[4] - r[3] for r in records)
    return max(0.0, 1 - busy / span)
