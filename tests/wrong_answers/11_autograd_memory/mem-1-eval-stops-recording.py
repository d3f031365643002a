# Believes model.eval() stops autograd from recording, as no_grad does: I holds nothing.
# answer: mem-1
# loses:
# scores: mem-1-tests=1.78
# shows: eval-stops-recording
held_after = {
    "A": 3,
    "B": 0,
    "C": 1,
    "D": 0,
    "E": 1,
    "F": 3,
    "G": 1,
    "H": 0,
    "I": 0,
}
