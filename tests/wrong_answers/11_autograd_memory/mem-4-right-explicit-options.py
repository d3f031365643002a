# Right: each block checkpointed with its options spelled out, the blocks walked by index.
# answer: mem-4
# loses:
def checkpointed(blocks, x):
    """blocks(x), each block a checkpointed segment: same output and gradients, only the blocks' inputs kept."""
    out = x
    for i in range(len(blocks)):
        out = checkpoint(blocks[i], out, use_reentrant=False, preserve_rng_state=True)
    return out
