# Copies through Python numbers: a trainable leaf with memory of its own, but a float64 tensor comes
# back as float32 (and precision is lost on the way).
# answer: leaf-4
# loses: leaf-4-tests
# slip: not taught here: a round trip through Python floats loses float64
def trainable_copy(t):
    return torch.tensor(t.tolist(), requires_grad=True)
