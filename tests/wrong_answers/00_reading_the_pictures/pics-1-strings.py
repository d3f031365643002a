# Answers in words instead of bools.
# answer: pics-1
# loses: pics-1-tests
# slip: the form: predictions written as strings, not True/False
will_raise = {"A": "yes", "B": "no", "C": "yes", "D": "no", "E": "yes"}
