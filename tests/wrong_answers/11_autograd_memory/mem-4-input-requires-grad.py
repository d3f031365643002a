# Fixes the reentrant trap by making the caller's batch require grad: it works, and the data now requires grad and gets a .grad every step.
# answer: mem-4
# loses: mem-4-tests
# shows: checkpoint-reentrant
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    x.requires_grad_()
    for block in blocks:
        x = checkpoint(block, x)
    return x
