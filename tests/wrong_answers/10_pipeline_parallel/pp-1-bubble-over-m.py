# The bubble taken as (p − 1)/m (the idle slots over the micro-batches, not over the whole timeline): m ≥ 15 for
# a fifth. Only G wrong: 7 of 8 items.
# answer: pp-1
# loses:
# scores: pp-1-tests=1.75
# shows: pipeline-bubble-over-m
held = {"A": 4, "B": 2, "C": 1, "D": 4, "E": 8, "F": 1, "G": 15, "H": 2}
