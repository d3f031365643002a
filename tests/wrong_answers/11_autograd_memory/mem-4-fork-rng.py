# Keeps the random state for the recompute by forking it: the global generator is not advanced, so the next step draws the same dropout masks.
# answer: mem-4
# loses: mem-4-tests
# shows: checkpoint-rng-by-hand
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    with torch.random.fork_rng():
        for block in blocks:
            x = checkpoint(block, x, use_reentrant=False)
    return x
