# A right answer that makes NumPy 2 warn (torch's __array__ has no copy keyword): np.array copies.
# answer: detach-2
# loses:
import numpy as np


def snapshot(t):
    values = t.detach()
    if values.dtype == torch.bfloat16:
        values = values.float()
    return np.array(values)
