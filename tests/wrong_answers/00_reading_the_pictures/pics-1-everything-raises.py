# Believes any in-place write to a tensor in the graph breaks backward, even one made before it was used.
# answer: pics-1
# loses: pics-1-tests
will_raise = {"A": True, "B": True, "C": True, "D": True, "E": True}
