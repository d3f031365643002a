# Uses another initialisation than the one asked for: xavier_uniform_ is not orthogonal.
# answer: mods-2
# loses: mods-2-tests
# slip: not taught here: a different initialisation than the orthogonal one asked for
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model
