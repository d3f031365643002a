# Right: flags and groups from one pass over named_parameters(), the slow rate written lr * 0.1.
# answer: mods-3
# loses:
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    slow, rest = [], []
    for name, p in model.named_parameters():
        p.requires_grad = not name.startswith("encoder.")
        if name.startswith("embed."):
            slow.append(p)
        elif p.requires_grad:
            rest.append(p)
    return torch.optim.SGD([{"params": slow, "lr": lr * 0.1}, {"params": rest}], lr=lr, momentum=0.9)
