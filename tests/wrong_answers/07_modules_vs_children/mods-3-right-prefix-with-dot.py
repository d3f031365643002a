# Right: one pass over named_parameters(), the top-level name compared whole (the part before the first dot).
# answer: mods-3
# loses:
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    slow, rest = [], []
    for name, p in model.named_parameters():
        top = name.split(".")[0]
        p.requires_grad = top != "encoder"
        if top == "embed":
            slow.append(p)
        elif p.requires_grad:
            rest.append(p)
    return torch.optim.SGD([{"params": slow, "lr": lr / 10}, {"params": rest}], lr=lr, momentum=0.9)
