# Takes "orthogonal" for the identity: nn.init.eye_ gives orthonormal rows, not a random orthogonal matrix.
# answer: mods-2
# loses: mods-2-tests
# slip: not taught here: a different initialisation than the orthogonal one asked for
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.eye_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model
