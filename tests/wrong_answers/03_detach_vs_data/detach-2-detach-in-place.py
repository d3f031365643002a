# Detaches a non-leaf in place so that numpy() accepts it: detach_() cuts the caller's tensor out of its
# graph, so a backward() through it no longer reaches what it was computed from.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-changes-caller
def snapshot(t):
    if not t.is_leaf:
        t.detach_()
        values = t
    else:
        values = t.detach()
    if values.dtype == torch.bfloat16:
        values = values.float()
    return values.numpy().copy()
