# Fixes the groups but keeps the broken freeze: the encoder's biases still train.
# answer: mods-3
# loses: mods-3-tests
# shows: freeze-by-picking-parameters
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    for name, p in model.named_parameters():
        if name.startswith("encoder") and name.endswith("weight"):
            p.requires_grad = False
    slow = list(model.embed.parameters())
    rest = [p for name, p in model.named_parameters() if p.requires_grad and not name.startswith("embed.")]
    return torch.optim.SGD([{"params": slow, "lr": lr / 10}, {"params": rest}], lr=lr, momentum=0.9)
