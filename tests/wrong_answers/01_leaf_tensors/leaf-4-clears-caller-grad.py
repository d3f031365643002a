# Knows deepcopy copies a leaf's .grad, so clears t.grad first: the copy starts clean, but the caller's
# gradient on t is wiped.
# answer: leaf-4
# loses: leaf-4-tests
# shows: leaf-copy-may-change-source
def trainable_copy(t):
    if t.is_leaf:
        t.grad = None
        copied = copy.deepcopy(t)
    else:
        copied = t.detach().clone()
    return copied.requires_grad_(True)
