# Believes anything called a copy is independent: copy.copy, detach() and views included.
# answer: copy-1
# loses:
# scores: copy-1-tests=1
sees_write = {"b": True, "c": False, "d": False, "e": False, "f": False, "g": False,
              "rows_shallow[0]": False, "rows_deep[0]": False, "net_shallow.weight": False, "net_deep.weight": False}
