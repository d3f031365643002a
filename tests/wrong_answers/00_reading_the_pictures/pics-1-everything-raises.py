# Believes any in-place write to a tensor in the graph breaks backward, even one made before it was used:
# B and D are wrong, 3 of 5 right.
# answer: pics-1
# loses:
# scores: pics-1-tests=1.2
# shows: graph-any-write-breaks
will_raise = {"A": True, "B": True, "C": True, "D": True, "E": True}
