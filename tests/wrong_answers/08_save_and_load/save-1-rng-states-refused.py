# Thinks an RNG state is an object of its own class: torch.get_rng_state() and random.getstate() are refused.
# answer: save-1
# loses:
# scores: save-1-tests=1.67
# shows: weights-only-means-weights
loads = {
    "A": "loads", "B": "raises", "C": "loads", "D": "raises", "E": "raises", "F": "loads",
    "G": "loads", "H": "loads", "I": "raises", "J": "raises", "K": "raises", "L": "loads",
}
