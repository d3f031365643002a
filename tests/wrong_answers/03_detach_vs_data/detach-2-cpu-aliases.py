# Relies on .cpu() to copy: on a CPU tensor it returns the tensor itself.
# answer: detach-2
# loses: detach-2-tests
# shows: detach-numpy-copies
def snapshot(t):
    return t.detach().cpu().numpy()
