# One deep copy, then shallow copies of it: independent of the model, ties kept, n different objects,
# but all n share one set of parameters, so training one trains them all.
# answer: copy-4
# loses: copy-4-tests
# shows: copy-shallow-copies-deep
def independent_copies(model, n):
    base = copy.deepcopy(model)
    return [copy.copy(base) for _ in range(n)]
