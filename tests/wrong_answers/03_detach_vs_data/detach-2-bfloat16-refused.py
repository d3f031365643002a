# Copies, but forgets that NumPy has no bfloat16: numpy() refuses a bfloat16 tensor.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-any-tensor
def snapshot(t):
    return t.detach().cpu().numpy().copy()
