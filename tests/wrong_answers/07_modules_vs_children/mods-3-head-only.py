# Lists the second group by submodule: the model's own scale is in no group and never trains.
# answer: mods-3
# loses: mods-3-tests
# shows: model-not-its-own-module
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(True)
    model.encoder.requires_grad_(False)
    return torch.optim.SGD([{"params": model.embed.parameters(), "lr": lr / 10},
                            {"params": model.head.parameters()}], lr=lr, momentum=0.9)
