# Leaves one prediction as None: the part is not answered yet and earns nothing.
# answer: detach-1
# loses: detach-1-tests
# slip: the form: one prediction left unanswered
write_outcome = {"A": "wrong", "B": "raises", "C": "fine", "D": "raises", "E": "wrong", "F": "fine", "G": "fine",
                 "H": "fine", "I": None}
