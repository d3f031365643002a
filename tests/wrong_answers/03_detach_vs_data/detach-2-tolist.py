# Returns a Python list, not a NumPy array.
# answer: detach-2
# loses: detach-2-tests
# slip: the form: a Python list, not a NumPy array
def snapshot(t):
    return t.detach().tolist()
