# Switches requires_grad off so that numpy() accepts the tensor: the caller's parameter is frozen for good.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-changes-caller
def snapshot(t):
    t.requires_grad_(False)
    return t.numpy().copy()
