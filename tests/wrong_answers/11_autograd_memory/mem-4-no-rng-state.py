# Skips saving the random state to save time: the recompute draws new dropout masks.
# answer: mem-4
# loses: mem-4-tests
# shows: checkpoint-rng-by-hand
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    for block in blocks:
        x = checkpoint(block, x, use_reentrant=False, preserve_rng_state=False)
    return x
