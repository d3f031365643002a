# A right answer that makes torch warn on stderr ("To copy construct from a tensor ..."):
# the warning must not cost any points.
# answer: leaf-4
# loses:
def trainable_copy(t):
    return torch.tensor(t, requires_grad=True)
