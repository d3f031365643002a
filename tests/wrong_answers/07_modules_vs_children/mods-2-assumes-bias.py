# Zeroes every bias without asking whether the layer has one: a Linear(bias=False) raises.
# answer: mods-2
# loses: mods-2-tests
# shows: every-linear-has-a-bias
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    def init(m):
        if isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            nn.init.zeros_(m.bias)
    return model.apply(init)
