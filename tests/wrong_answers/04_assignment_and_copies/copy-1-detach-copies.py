# Thinks detach() and copy.copy of a tensor copy the values; right about lists and modules.
# answer: copy-1
# loses:
# scores: copy-1-tests=1.6
sees_write = {"b": True, "c": False, "d": False, "e": False, "f": False, "g": True,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": True, "net_deep.weight": False}
