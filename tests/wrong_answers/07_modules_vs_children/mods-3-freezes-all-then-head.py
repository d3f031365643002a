# Freezes the whole model and unfreezes the head: the embedding and the scale never train.
# answer: mods-3
# loses: mods-3-tests
# shows: rest-keeps-its-flags
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(False)
    model.head.requires_grad_(True)
    rest = [p for name, p in model.named_parameters() if not name.startswith(("embed.", "encoder."))]
    return torch.optim.SGD([{"params": model.embed.parameters(), "lr": lr / 10}, {"params": rest}],
                           lr=lr, momentum=0.9)
