# Deep-copies a leaf and clones a non-leaf: the copy of a leaf that has a .grad starts with that old
# gradient, which the first optimizer step would apply.
# answer: leaf-4
# loses: leaf-4-tests
# shows: leaf-deepcopy-fresh
def trainable_copy(t):
    copied = copy.deepcopy(t) if t.is_leaf else t.detach().clone()
    return copied.requires_grad_(True)
