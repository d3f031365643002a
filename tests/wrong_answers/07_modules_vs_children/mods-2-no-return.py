# Initialises everything right but returns None.
# answer: mods-2
# loses: mods-2-tests
# slip: the task: returns nothing where the task asks for the model
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
