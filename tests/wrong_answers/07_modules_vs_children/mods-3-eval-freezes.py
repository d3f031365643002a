# "Freezes" the encoder with eval(): its parameters still require grad, and its mode is changed.
# answer: mods-3
# loses: mods-3-tests
# shows: eval-freezes
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.encoder.eval()
    rest = [p for name, p in model.named_parameters() if not name.startswith(("embed.", "encoder."))]
    return torch.optim.SGD([{"params": model.embed.parameters(), "lr": lr / 10}, {"params": rest}],
                           lr=lr, momentum=0.9)
