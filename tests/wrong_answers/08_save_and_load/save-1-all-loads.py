# Thinks torch.load reads back whatever torch.save wrote: the default weights_only=True refuses nothing.
# answer: save-1
# loses:
# scores: save-1-tests=1.33
# shows: torch-load-reads-anything
loads = {
    "A": "loads", "B": "loads", "C": "loads", "D": "loads", "E": "loads", "F": "loads",
    "G": "loads", "H": "loads", "I": "loads", "J": "loads", "K": "loads", "L": "loads",
}
