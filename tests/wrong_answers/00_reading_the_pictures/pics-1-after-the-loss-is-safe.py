# Believes a write after the loss was computed cannot matter, since the loss already holds its value:
# A and E are wrong, 3 of 5 right.
# answer: pics-1
# loses:
# scores: pics-1-tests=1.2
# shows: graph-late-write-is-safe
will_raise = {"A": False, "B": False, "C": True, "D": False, "E": False}
