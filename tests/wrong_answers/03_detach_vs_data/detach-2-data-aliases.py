# Uses .data instead of detach(): same memory, same aliasing.
# answer: detach-2
# loses: detach-2-tests
def snapshot(t):
    return t.data.numpy()
