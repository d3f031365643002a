# Right: copies an orthogonal matrix into each weight under no_grad, the same Parameter objects kept.
# answer: mods-2
# loses:
def initialise(model):
    """Orthogonal weights and zero biases for every nn.Linear in the model; returns the model."""
    with torch.no_grad():
        for _, m in model.named_modules():
            if isinstance(m, nn.Linear):
                m.weight.copy_(nn.init.orthogonal_(torch.empty_like(m.weight)))
                if m.bias is not None:
                    m.bias.zero_()
    return model
