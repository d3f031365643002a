# Wraps each block in a lambda inside the loop: the recompute looks `block` up when backward runs, and finds the last block every time.
# answer: mem-4
# loses: mem-4-tests
# shows: lambda-late-binding
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    for block in blocks:
        x = checkpoint(lambda t: block(t), x, use_reentrant=False)
    return x
