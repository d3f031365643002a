# copy.deepcopy works on a leaf but raises on a non-leaf, and keeps requires_grad False for constants.
# answer: leaf-4
# loses: leaf-4-tests
# shows: leaf-deepcopy-fresh
def trainable_copy(t):
    return copy.deepcopy(t)
