# Thinks only writes into an operation's inputs matter, never into its output:
# only B and C are right, 2 of 8.
# answer: inplace-1
# loses:
# scores: inplace-1-tests=0.5
# shows: inplace-outputs-never-saved, inplace-every-op-saves-inputs, inplace-write-before-save-breaks
raises_prediction = {"A": False, "B": False, "C": True, "D": True, "E": False, "F": True, "G": True, "H": False}
