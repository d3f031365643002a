# Right about what each op saves, but forgets that a write before use (F) is harmless.
# answer: inplace-1
# loses: inplace-1-tests
raises_prediction = {"A": True, "B": False, "C": True, "D": False, "E": True, "F": True, "G": False, "H": True}
