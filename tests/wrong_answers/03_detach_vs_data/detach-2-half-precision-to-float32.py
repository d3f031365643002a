# Believes NumPy lacks every 16-bit float ("half precision"), so float16 is converted as well as bfloat16:
# a float16 tensor comes back float32, though NumPy has float16 and the spec says keep the dtype.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-dtypes
def snapshot(t):
    values = t.detach()
    if values.dtype in (torch.float16, torch.bfloat16):
        values = values.float()
    return values.numpy().copy()
