# Takes numpy(force=True) for a copy: it detaches, but on the CPU it still shares the tensor's memory.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-copies
def snapshot(t):
    return t.numpy(force=True)
