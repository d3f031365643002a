# Takes the embedding to be its one weight: any other parameter under model.embed lands in the fast group.
# answer: mods-3
# loses: mods-3-tests
# shows: freeze-by-picking-parameters
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(True)
    model.encoder.requires_grad_(False)
    rest = [p for p in model.parameters() if p.requires_grad and p is not model.embed.weight]
    return torch.optim.SGD([{"params": [model.embed.weight], "lr": lr / 10}, {"params": rest, "lr": lr}],
                           lr=lr, momentum=0.9)
