# Thinks only tensors the loss reads directly matter, so E (loss reads y + 1) is safe.
# answer: pics-1
# loses: pics-1-tests
will_raise = {"A": True, "B": False, "C": True, "D": False, "E": False}
