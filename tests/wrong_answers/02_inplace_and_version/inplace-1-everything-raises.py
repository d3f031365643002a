# Believes every in-place write breaks backward, whatever was saved.
# answer: inplace-1
# loses: inplace-1-tests
raises_prediction = {"A": True, "B": True, "C": True, "D": True, "E": True, "F": True, "G": True, "H": True}
