# Thinks only tensors the loss reads directly matter, so E (loss reads y + 1) is safe:
# 4 of 5 right.
# answer: pics-1
# loses:
# scores: pics-1-tests=1.6
# shows: graph-only-what-loss-reads
will_raise = {"A": True, "B": False, "C": True, "D": False, "E": False}
