# Answers True/False (it loads) instead of the strings the question asks for.
# answer: save-1
# loses: save-1-tests
# slip: the form: True/False where the question asks for one of the given strings
loads = {
    "A": True, "B": False, "C": True, "D": False, "E": False, "F": True,
    "G": True, "H": True, "I": True, "J": True, "K": False, "L": True,
}
