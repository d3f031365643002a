# Thinks backward() leaves the saved tensors in place: B, like A, holds every batch.
# answer: mem-1
# loses:
# scores: mem-1-tests=1.78
# shows: backward-keeps-saved
held_after = {
    "A": 3,
    "B": 3,
    "C": 1,
    "D": 0,
    "E": 1,
    "F": 3,
    "G": 1,
    "H": 0,
    "I": 3,
}
