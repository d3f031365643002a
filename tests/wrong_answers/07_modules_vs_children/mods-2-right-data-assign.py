# Right: assigns new tensors to .data, so each Parameter object (and the optimizer's hold on it) stays.
# answer: mods-2
# loses:
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            m.weight.data = nn.init.orthogonal_(torch.empty_like(m.weight.data))
            if m.bias is not None:
                m.bias.data = torch.zeros_like(m.bias.data)
    return model
