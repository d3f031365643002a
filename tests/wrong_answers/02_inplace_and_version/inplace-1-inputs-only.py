# Thinks only writes into an operation's inputs matter, never into its output.
# answer: inplace-1
# loses: inplace-1-tests
raises_prediction = {"A": False, "B": False, "C": True, "D": True, "E": False, "F": True, "G": True, "H": False}
