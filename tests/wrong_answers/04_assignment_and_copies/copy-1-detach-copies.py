# Thinks detach() and copy.copy of a tensor copy the values; right about lists and modules.
# (scores: 10 of 12 items since the two snapshots h and snapshot["weight"] joined the part; was 8 of 10.)
# answer: copy-1
# loses:
# scores: copy-1-tests=1.67
# shows: copy-views-copy, copy-shallow-copies-deep
sees_write = {"b": True, "c": False, "d": False, "e": False, "f": False, "g": True, "h": False,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": True, "net_deep.weight": False,
              'snapshot["weight"]': False}
