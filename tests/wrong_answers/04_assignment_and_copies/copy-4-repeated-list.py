# One deep copy, repeated n times in a list: n names for one model.
# answer: copy-4
# loses: copy-4-tests
# shows: copy-repeat-gives-n-objects
def independent_copies(model, n):
    return [copy.deepcopy(model)] * n
