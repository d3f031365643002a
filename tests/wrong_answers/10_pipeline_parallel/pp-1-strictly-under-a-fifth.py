# "Bring the bubble under a fifth" read as strictly under: 3/(m + 3) < 1/5, so m = 13; m = 12 gives exactly a fifth,
# which "at most 20 %" allows. Only G wrong: 7 of 8 items.
# answer: pp-1
# loses:
# scores: pp-1-tests=1.75
# slip: the task: reads "a fifth or less" as strictly under a fifth
held = {"A": 4, "B": 2, "C": 1, "D": 4, "E": 8, "F": 1, "G": 13, "H": 2}
