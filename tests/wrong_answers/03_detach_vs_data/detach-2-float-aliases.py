# Converts with .float() for bfloat16's sake and trusts it to copy: a float32 tensor's .float() is itself.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-copies
def snapshot(t):
    return t.detach().float().numpy()
