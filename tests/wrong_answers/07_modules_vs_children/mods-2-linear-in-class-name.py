# Matches "Linear" in the class name (as repr shows it) to catch out_proj's NonDynamicallyQuantizableLinear: a subclass named otherwise is missed.
# answer: mods-2
# loses: mods-2-tests
# shows: layer-kind-by-look
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if "Linear" in m._get_name():
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model
