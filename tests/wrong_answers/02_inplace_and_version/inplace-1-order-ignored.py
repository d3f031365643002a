# Right about what each op saves, but forgets that a write before use (F) is harmless:
# 7 of 8 right.
# answer: inplace-1
# loses:
# scores: inplace-1-tests=1.75
# shows: inplace-write-before-save-breaks
raises_prediction = {"A": True, "B": False, "C": True, "D": False, "E": True, "F": True, "G": False, "H": True}
