# Leaves one prediction as None: the part is not answered yet and earns nothing.
# answer: copy-1
# loses: copy-1-tests
# slip: the form: one prediction left unanswered
sees_write = {"b": True, "c": False, "d": True, "e": True, "f": False, "g": True, "h": False,
              "rows_shallow[0]": True, "rows_deep[0]": False, "net_shallow.weight": None, "net_deep.weight": False,
              'snapshot["weight"]': False}
