# Right: freeze and unfreeze by module, then group what requires grad by whether it is the embedding's.
# answer: mods-3
# loses:
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(True)
    model.encoder.requires_grad_(False)
    slow = list(model.embed.parameters())
    rest = [p for p in model.parameters() if p.requires_grad and all(p is not q for q in slow)]
    return torch.optim.SGD([{"params": slow, "lr": lr / 10}, {"params": rest, "lr": lr}], lr=lr, momentum=0.9)
