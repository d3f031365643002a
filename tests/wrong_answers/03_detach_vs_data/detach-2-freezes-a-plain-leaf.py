# Thinks numpy() only needs requires_grad switched off, and does it on the caller's tensor when that is a
# plain leaf (the float16 and bfloat16 tensors), detaching the rest: the caller's leaf no longer requires grad.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-changes-caller
def snapshot(t):
    if t.is_leaf and t.requires_grad and not isinstance(t, torch.nn.Parameter):
        t.requires_grad_(False)
        values = t
    else:
        values = t.detach()
    if values.dtype == torch.bfloat16:
        values = values.float()
    return values.numpy().copy()
