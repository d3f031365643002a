# clone() copies the memory but records the op: the result is a non-leaf.
# answer: leaf-4
# loses: leaf-4-tests
# shows: leaf-clone-is-leaf
def trainable_copy(t):
    return t.clone()
