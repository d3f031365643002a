# PyTorch's checkpoint_sequential with a segment per block: its last segment runs plainly and keeps its activations.
# answer: mem-4
# loses: mem-4-tests
# shows: checkpoint-some-blocks
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    return checkpoint_sequential(blocks, len(blocks), x, use_reentrant=False)
