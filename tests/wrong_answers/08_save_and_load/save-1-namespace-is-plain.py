# Thinks an argparse.Namespace is plain data, as the dict vars(args) is.
# answer: save-1
# loses:
# scores: save-1-tests=1.83
# shows: plain-looking-objects-load
loads = {
    "A": "loads", "B": "raises", "C": "loads", "D": "raises", "E": "loads", "F": "loads",
    "G": "loads", "H": "loads", "I": "loads", "J": "loads", "K": "raises", "L": "loads",
}
