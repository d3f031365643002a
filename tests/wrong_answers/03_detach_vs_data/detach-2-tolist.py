# Returns a Python list, not a NumPy array.
# answer: detach-2
# loses: detach-2-tests
def snapshot(t):
    return t.detach().tolist()
