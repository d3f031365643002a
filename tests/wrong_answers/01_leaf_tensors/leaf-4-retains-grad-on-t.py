# Calls retain_grad() on a non-leaf t "to keep its gradient for the copy": t is changed (retains_grad
# True), so every later backward() through t's graph keeps a gradient on t that nobody asked for.
# answer: leaf-4
# loses: leaf-4-tests
# shows: leaf-copy-may-change-source
def trainable_copy(t):
    if not t.is_leaf:
        t.retain_grad()
    return t.detach().clone().requires_grad_(True)
