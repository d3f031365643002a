# "A Linear is whatever has a 2-D weight and a bias": a custom layer with its own 2-D weight and bias is overwritten too.
# answer: mods-2
# loses: mods-2-tests
# shows: layer-kind-by-look
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if hasattr(m, "weight") and hasattr(m, "bias") and isinstance(m.weight, torch.Tensor) and m.weight.dim() == 2:
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
    return model
