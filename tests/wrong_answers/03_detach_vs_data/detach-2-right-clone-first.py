# A right answer written differently: clone, then convert.
# answer: detach-2
# loses:
def snapshot(t):
    return t.detach().clone().numpy()
