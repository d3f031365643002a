# Freezes and groups by name prefix without the dot: a sibling named encoder_out or embed_norm is frozen or slowed with them.
# answer: mods-3
# loses: mods-3-tests
# shows: freeze-by-picking-parameters
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    slow, rest = [], []
    for name, p in model.named_parameters():
        p.requires_grad = not name.startswith("encoder")
        if name.startswith("embed"):
            slow.append(p)
        elif p.requires_grad:
            rest.append(p)
    return torch.optim.SGD([{"params": slow, "lr": lr / 10}, {"params": rest, "lr": lr}], lr=lr, momentum=0.9)
