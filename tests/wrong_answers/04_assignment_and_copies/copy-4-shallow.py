# Shallow copies: n new module objects over the same parameters.
# answer: copy-4
# loses: copy-4-tests
# shows: copy-shallow-copies-deep
def independent_copies(model, n):
    return [copy.copy(model) for _ in range(n)]
