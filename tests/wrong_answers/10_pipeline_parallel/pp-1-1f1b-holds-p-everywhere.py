# 1F1B's warm-up read as "p forwards on every stage": the last stages hold as many as the first (it is p − s on
# stage s). Wrong for C and H: 6 of 8 items.
# answer: pp-1
# loses:
# scores: pp-1-tests=1.5
# shows: pipeline-1f1b-p-everywhere
held = {"A": 4, "B": 2, "C": 2, "D": 4, "E": 8, "F": 1, "G": 12, "H": 3}
