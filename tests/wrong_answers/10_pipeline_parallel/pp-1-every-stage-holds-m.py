# "Micro-batches are only about the bubble": every pipelined stage holds all m micro-batches, whatever the schedule
# (1F1B's whole point missed). Right for A, E, F (naive holds one) and G: 4 of 8 items.
# answer: pp-1
# loses:
# scores: pp-1-tests=1.0
# shows: pipeline-schedules-hold-alike
held = {"A": 4, "B": 4, "C": 4, "D": 8, "E": 8, "F": 1, "G": 12, "H": 6}
