# Reads weights_only literally: only model weights load, not optimizer or scheduler state, RNG states, sets or dtypes.
# answer: save-1
# loses:
# scores: save-1-tests=1.17
# shows: weights-only-means-weights
loads = {
    "A": "loads", "B": "raises", "C": "loads", "D": "raises", "E": "raises", "F": "loads",
    "G": "raises", "H": "raises", "I": "raises", "J": "raises", "K": "raises", "L": "raises",
}
