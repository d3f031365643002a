# Believes anything called a copy is independent: copy.copy, detach() and views included.
# (scores: 7 of 12 items since the two snapshots h and snapshot["weight"] joined the part; was 5 of 10.)
# answer: copy-1
# loses:
# scores: copy-1-tests=1.17
# shows: copy-views-copy, copy-shallow-copies-deep
sees_write = {"b": True, "c": False, "d": False, "e": False, "f": False, "g": False, "h": False,
              "rows_shallow[0]": False, "rows_deep[0]": False, "net_shallow.weight": False, "net_deep.weight": False,
              'snapshot["weight"]': False}
