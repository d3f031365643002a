# Answers True everywhere ("everything shares memory in PyTorch"): a constant answer. Six of the twelve
# names see the write and six do not, so a constant answer, True or False, earns half the points.
# answer: copy-1
# loses:
# scores: copy-1-tests=1
# shows: copy-deep-copies-share
sees_write = {k: True for k in ["b", "c", "d", "e", "f", "g", "h", "rows_shallow[0]", "rows_deep[0]",
                                "net_shallow.weight", "net_deep.weight", 'snapshot["weight"]']}
