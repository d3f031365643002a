# Right: recurses through children() by hand, the module itself checked before its children, the root included.
# answer: mods-2
# loses:
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    def visit(m):
        if isinstance(m, nn.Linear):
            nn.init.orthogonal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        for child in m.children():
            visit(child)

    visit(model)
    return model
