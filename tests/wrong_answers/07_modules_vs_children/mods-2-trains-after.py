# Initialises every Linear but calls model.train() "to be safe": the modes it was given are lost.
# answer: mods-2
# loses: mods-2-tests
# shows: mode-and-flags-to-defaults
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model.train()
