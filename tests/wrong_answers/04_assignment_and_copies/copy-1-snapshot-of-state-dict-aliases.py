# Knows a state_dict() shares the parameters' memory, and carries that over to a state dict whose values
# were cloned: snapshot["weight"] is detach().clone() of the weight, memory of its own.
# answer: copy-1
# loses:
# scores: copy-1-tests=1.83
# shows: copy-deep-copies-share
sees_write = {"b": True, "c": False, "d": True, "e": True, "f": False, "g": True, "h": False,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": True, "net_deep.weight": False,
              'snapshot["weight"]': True}
