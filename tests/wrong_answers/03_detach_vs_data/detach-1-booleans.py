# Answers True/False (did something go wrong?) instead of naming the outcome.
# answer: detach-1
# loses: detach-1-tests
# slip: the form: True/False where the task asks for "raises", "wrong" or "fine"
write_outcome = {"A": True, "B": True, "C": False, "D": True, "E": True, "F": False, "G": False, "H": False, "I": True}
