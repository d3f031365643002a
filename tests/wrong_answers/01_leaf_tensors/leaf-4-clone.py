# clone() copies the memory but records the op: the result is a non-leaf.
# answer: leaf-4
# loses: leaf-4-tests
def trainable_copy(t):
    return t.clone()
