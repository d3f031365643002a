# Tests type(m) is nn.Linear: MultiheadAttention's out_proj, a subclass, is missed.
# answer: mods-2
# loses: mods-2-tests
# shows: layer-kind-by-look
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if type(m) is nn.Linear:
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model
