# Puts every parameter but the embedding's in the second group, the frozen encoder's too.
# answer: mods-3
# loses: mods-3-tests
# shows: param-groups-may-overlap
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(True)
    model.encoder.requires_grad_(False)
    rest = [p for name, p in model.named_parameters() if not name.startswith("embed.")]
    return torch.optim.SGD([{"params": model.embed.parameters(), "lr": lr / 10}, {"params": rest}],
                           lr=lr, momentum=0.9)
