# case: a torch.py beside the notebook, to shadow the real package in the kernel
# beside: torch.py
# expect: flagged
def allclose(*args, **kwargs):
    return True
