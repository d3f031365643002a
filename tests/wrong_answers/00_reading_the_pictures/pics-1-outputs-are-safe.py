# Knows ops save their inputs but not that exp and sigmoid save their output:
# A and E are wrong, 3 of 5 right.
# answer: pics-1
# loses:
# scores: pics-1-tests=1.2
# shows: graph-late-write-is-safe
will_raise = {"A": False, "B": False, "C": True, "D": False, "E": False}
