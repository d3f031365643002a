# Believes every in-place write breaks backward, whatever was saved:
# B, D, F and G are wrong, 4 of 8 right.
# answer: inplace-1
# loses:
# scores: inplace-1-tests=1.0
# shows: inplace-any-write-breaks
raises_prediction = {"A": True, "B": True, "C": True, "D": True, "E": True, "F": True, "G": True, "H": True}
