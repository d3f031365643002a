# Applies the init to each child of the model: the model itself is never visited, so a model that is an nn.Linear keeps its defaults.
# answer: mods-2
# loses: mods-2-tests
# shows: model-not-its-own-module
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    def init(m):
        if isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)

    for child in model.children():
        child.apply(init)
    return model
