# Checkpoints every block but the last, "whose output backward needs anyway": the last block keeps all its activations.
# answer: mem-4
# loses: mem-4-tests
# shows: checkpoint-some-blocks
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    for block in blocks[:-1]:
        x = checkpoint(block, x, use_reentrant=False)
    return blocks[-1](x)
