# Answers with strings instead of booleans.
# answer: inplace-1
# loses: inplace-1-tests
# slip: the form: predictions written as strings, not True/False
raises_prediction = {"A": "True", "B": "False", "C": "True", "D": "False", "E": "True", "F": "False", "G": "False", "H": "True"}
