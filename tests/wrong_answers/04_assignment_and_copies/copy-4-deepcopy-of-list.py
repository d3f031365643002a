# Deep-copies a list that repeats the model: deepcopy's memo copies it once, so all n are one object.
# answer: copy-4
# loses: copy-4-tests
# shows: copy-repeat-gives-n-objects
def independent_copies(model, n):
    return copy.deepcopy([model] * n)
