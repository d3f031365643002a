# Carries over Python's list slicing, which copies: a tensor's slice a[1:] is a view of a's memory.
# (scores: 11 of 12 items since the two snapshots h and snapshot["weight"] joined the part; was 9 of 10.)
# answer: copy-1
# loses:
# scores: copy-1-tests=1.83
# shows: copy-views-copy
sees_write = {"b": True, "c": False, "d": True, "e": True, "f": False, "g": False, "h": False,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": True, "net_deep.weight": False,
              'snapshot["weight"]': False}
