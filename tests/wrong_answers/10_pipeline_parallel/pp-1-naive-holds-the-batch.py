# "The naive split holds the whole batch": true of the batch, but with m micro-batches run one after another, forward
# and backward, a stage holds one at a time; and GPipe's last stage thought to hold one (it runs every forward first).
# Wrong for E and F: 6 of 8 items.
# answer: pp-1
# loses:
# scores: pp-1-tests=1.5
# shows: pipeline-schedules-hold-alike, pipeline-naive-holds-all
held = {"A": 4, "B": 2, "C": 1, "D": 4, "E": 1, "F": 8, "G": 12, "H": 2}
