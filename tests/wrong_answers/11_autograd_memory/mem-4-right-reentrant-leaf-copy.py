# Right: the reentrant checkpoint, given an input that requires grad: a detached copy of a batch that does not.
# answer: mem-4
# loses:
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    if not x.requires_grad:
        x = x.detach().requires_grad_()
    for block in blocks:
        x = checkpoint(block, x, use_reentrant=True)
    return x
