# Right about lists and tensors, but believes copy.copy of a module copies its parameters.
# answer: copy-1
# loses:
# scores: copy-1-tests=1.8
sees_write = {"b": True, "c": False, "d": True, "e": True, "f": False, "g": True,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": False, "net_deep.weight": False}
