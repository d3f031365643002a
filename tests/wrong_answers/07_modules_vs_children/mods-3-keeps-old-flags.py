# Freezes the encoder and groups what requires grad, but never unfreezes what was frozen before.
# answer: mods-3
# loses: mods-3-tests
# shows: rest-keeps-its-flags
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.encoder.requires_grad_(False)
    slow = [p for p in model.embed.parameters() if p.requires_grad]
    rest = [p for name, p in model.named_parameters() if p.requires_grad and not name.startswith("embed.")]
    return torch.optim.SGD([{"params": slow, "lr": lr / 10}, {"params": rest}], lr=lr, momentum=0.9)
