# Skips the path "" of named_modules(), "the model is not a layer": a model that is itself an nn.Linear is never initialised.
# answer: mods-2
# loses: mods-2-tests
# shows: model-not-its-own-module
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for path, m in model.named_modules():
        if path and isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model
