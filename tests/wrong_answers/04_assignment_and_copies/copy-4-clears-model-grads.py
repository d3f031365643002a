# Clears the model's gradients so that the copies carry none, believing deepcopy copies .grad (true of a
# plain tensor, not of a Parameter, so the copies would carry none anyway): the gradients the caller was
# accumulating are wiped.
# answer: copy-4
# loses: copy-4-tests
# shows: copy-deepcopy-copies-grad
def independent_copies(model, n):
    model.zero_grad()
    return [copy.deepcopy(model) for _ in range(n)]
