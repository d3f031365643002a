# Freezes each layer of the encoder (its children): a parameter the encoder holds itself keeps training.
# answer: mods-3
# loses: mods-3-tests
# shows: model-not-its-own-module
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(True)
    for layer in model.encoder.children():
        layer.requires_grad_(False)
    slow = list(model.embed.parameters())
    rest = [p for name, p in model.named_parameters() if p.requires_grad and not name.startswith("embed.")]
    return torch.optim.SGD([{"params": slow, "lr": lr / 10}, {"params": rest, "lr": lr}], lr=lr, momentum=0.9)
