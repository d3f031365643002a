# Knows ops save their inputs but not that exp and sigmoid save their output.
# answer: pics-1
# loses: pics-1-tests
will_raise = {"A": False, "B": False, "C": True, "D": False, "E": False}
