# Names the head and the scale by hand: a layer added beside them is in no group.
# answer: mods-3
# loses: mods-3-tests
# shows: freeze-by-picking-parameters
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(True)
    model.encoder.requires_grad_(False)
    return torch.optim.SGD([{"params": model.embed.parameters(), "lr": lr / 10},
                            {"params": [*model.head.parameters(), model.scale]}], lr=lr, momentum=0.9)
