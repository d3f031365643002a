# Passes one memo dict to every deepcopy: the second call finds the model in the memo and returns the
# first copy again, so all n are one object.
# answer: copy-4
# loses: copy-4-tests
# shows: copy-repeat-gives-n-objects
def independent_copies(model, n):
    memo = {}
    return [copy.deepcopy(model, memo) for _ in range(n)]
