# Answers with words instead of booleans.
# answer: copy-1
# loses: copy-1-tests
# slip: the form: predictions written as strings, not True/False
sees_write = {"b": "yes", "c": "no", "d": "yes", "e": "yes", "f": "no", "g": "yes", "h": "no",
              "rows_shallow[0]": "yes", "rows_deep[0]": "no", "net_shallow.weight": "yes", "net_deep.weight": "no",
              'snapshot["weight"]': "no"}
