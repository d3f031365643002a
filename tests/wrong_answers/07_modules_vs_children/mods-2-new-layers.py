# Replaces each Linear by a freshly initialised one: the optimizer holds the old parameters.
# answer: mods-2
# loses: mods-2-tests
# shows: new-objects-for-init
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and isinstance(m, nn.Linear):
            fresh = nn.Linear(m.in_features, m.out_features, bias=m.bias is not None)
            nn.init.orthogonal_(fresh.weight)
            if fresh.bias is not None:
                nn.init.zeros_(fresh.bias)
            model.set_submodule(path, fresh)
    return model
