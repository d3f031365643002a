# Right: apply with a function that initialises a Linear and leaves every other module alone.
# answer: mods-2
# loses:
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    def init(m):
        if isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model.apply(init)
