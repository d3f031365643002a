# Takes NumPy numbers and arrays for plain data, as torch tensors are: np.float64 and np.random.get_state() load.
# answer: save-1
# loses:
# scores: save-1-tests=1.67
# shows: plain-looking-objects-load
loads = {
    "A": "loads", "B": "raises", "C": "loads", "D": "loads", "E": "raises", "F": "loads",
    "G": "loads", "H": "loads", "I": "loads", "J": "loads", "K": "loads", "L": "loads",
}
