# Uses .data instead of detach(): same memory, same aliasing.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-copies
def snapshot(t):
    return t.data.numpy()
