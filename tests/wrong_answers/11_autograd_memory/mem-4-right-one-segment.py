# Right: the whole Sequential as one checkpointed segment keeps only its input, and recomputes each block once.
# answer: mem-4
# loses:
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    return checkpoint(blocks, x, use_reentrant=False)
