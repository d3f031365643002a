# Saves memory by running the blocks under no_grad: nothing is saved, and nothing can be differentiated.
# answer: mem-4
# loses: mem-4-tests
# shows: no-grad-still-differentiable
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    with torch.no_grad():
        return blocks(x)
