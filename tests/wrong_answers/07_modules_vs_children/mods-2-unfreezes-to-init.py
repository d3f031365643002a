# Turns requires_grad off to write into the weights, then on again for every Linear: the frozen layer is unfrozen.
# answer: mods-2
# loses: mods-2-tests
# shows: mode-and-flags-to-defaults
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            m.requires_grad_(False)
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                m.bias.zero_()
            m.requires_grad_(True)
    return model
