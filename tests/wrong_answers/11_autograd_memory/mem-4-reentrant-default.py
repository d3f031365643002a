# Leaves use_reentrant out: the reentrant default records no graph for an input that does not require grad.
# answer: mem-4
# loses: mem-4-tests
# shows: checkpoint-reentrant
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    for block in blocks:
        x = checkpoint(block, x)
    return x
