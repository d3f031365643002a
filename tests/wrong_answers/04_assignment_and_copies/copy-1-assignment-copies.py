# Thinks a += 1 rebinds a to a new tensor, so nothing else sees it (true of a = a + 1, not of +=).
# (scores: 8 of 12 items since the two snapshots h and snapshot["weight"] joined the part; was 6 of 10.)
# answer: copy-1
# loses:
# scores: copy-1-tests=1.33
# shows: copy-augmented-rebinds
sees_write = {"b": False, "c": False, "d": False, "e": False, "f": False, "g": False, "h": False,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": True, "net_deep.weight": False,
              'snapshot["weight"]': False}
