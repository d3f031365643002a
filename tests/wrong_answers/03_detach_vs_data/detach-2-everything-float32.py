# Converts every tensor to float32 so that bfloat16 works: integer and float64 values lose their dtype.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-dtypes
def snapshot(t):
    return t.detach().float().numpy().copy()
