# Right about lists and tensors, but believes copy.copy of a module copies its parameters.
# (scores: 11 of 12 items since the two snapshots h and snapshot["weight"] joined the part; was 9 of 10.)
# answer: copy-1
# loses:
# scores: copy-1-tests=1.83
# shows: copy-shallow-copies-deep
sees_write = {"b": True, "c": False, "d": True, "e": True, "f": False, "g": True, "h": False,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": False, "net_deep.weight": False,
              'snapshot["weight"]': False}
