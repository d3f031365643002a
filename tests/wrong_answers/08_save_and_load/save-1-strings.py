# Answers True/False (it loads) instead of the strings the question asks for.
# answer: save-1
# loses: save-1-tests
loads = {
    "A": True, "B": False, "C": True, "D": False, "E": False, "F": True,
    "G": True, "H": True, "I": True, "J": True, "K": False, "L": True,
}
