# Follows the error message's advice, detach().numpy(): the array shares the tensor's memory.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-copies
def snapshot(t):
    return t.detach().numpy()
