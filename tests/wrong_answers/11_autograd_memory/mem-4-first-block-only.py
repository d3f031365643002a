# Checkpoints the first block, where the input is, and runs the rest plainly.
# answer: mem-4
# loses: mem-4-tests
# shows: checkpoint-some-blocks
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    x = checkpoint(blocks[0], x, use_reentrant=False)
    for block in blocks[1:]:
        x = block(x)
    return x
