# Freezes right but keeps the second group as model.parameters(): the embedding is in two groups.
# answer: mods-3
# loses: mods-3-tests
# shows: param-groups-may-overlap
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.encoder.requires_grad_(False)
    return torch.optim.SGD([{"params": model.embed.parameters(), "lr": lr / 10},
                            {"params": model.parameters()}], lr=lr, momentum=0.9)
