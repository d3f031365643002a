# Every prediction right but one left as None: the answer is incomplete and earns nothing until it is whole.
# answer: save-1
# loses: save-1-tests
# slip: the form: one prediction left unanswered
loads = {
    "A": "loads", "B": "raises", "C": "loads", "D": "raises", "E": "raises", "F": "loads",
    "G": "loads", "H": "loads", "I": "loads", "J": "loads", "K": "raises", "L": None,
}
