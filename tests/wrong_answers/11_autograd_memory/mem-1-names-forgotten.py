# Forgets that the loop's own variable (loss, out) still refers to the last batch's graph after the loop.
# answer: mem-1
# loses:
# scores: mem-1-tests=1.33
# shows: loop-variable-released
held_after = {
    "A": 3,
    "B": 0,
    "C": 0,
    "D": 0,
    "E": 0,
    "F": 3,
    "G": 0,
    "H": 0,
    "I": 3,
}
