# Assigns new nn.Parameters: a frozen layer trains again and the optimizer holds the old ones.
# answer: mods-2
# loses: mods-2-tests
# shows: new-objects-for-init
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            m.weight = nn.Parameter(nn.init.orthogonal_(torch.empty_like(m.weight)))
            if m.bias is not None:
                m.bias = nn.Parameter(torch.zeros_like(m.bias))
    return model
