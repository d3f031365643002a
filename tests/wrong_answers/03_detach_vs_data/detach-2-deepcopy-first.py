# Deep-copies the tensor to get memory of its own: deepcopy refuses a non-leaf.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-deepcopy-any-tensor
def snapshot(t):
    values = copy.deepcopy(t).detach()
    return (values.float() if values.dtype == torch.bfloat16 else values).numpy()
