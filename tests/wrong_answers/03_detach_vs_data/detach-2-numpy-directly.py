# Calls numpy() on the tensor itself: refused for a tensor that requires grad.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-any-tensor
def snapshot(t):
    return t.numpy()
