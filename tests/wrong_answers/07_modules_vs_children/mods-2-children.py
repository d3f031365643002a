# The loop of section 1: children() yields only the direct submodules, so nested Linears keep their defaults.
# answer: mods-2
# loses: mods-2-tests
# shows: children-walks-the-tree
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.children():
        if isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model
