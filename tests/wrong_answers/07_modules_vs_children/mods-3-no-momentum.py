# Right groups and freeze, but plain SGD without the momentum asked for.
# answer: mods-3
# loses: mods-3-tests
# slip: the task: leaves out the momentum the task asks for
def fine_tune(model, lr):
    """Freezes the encoder; returns SGD with the embedding at lr / 10 and every other trainable parameter at lr."""
    model.requires_grad_(True)
    model.encoder.requires_grad_(False)
    rest = [p for name, p in model.named_parameters() if not name.startswith(("embed.", "encoder."))]
    return torch.optim.SGD([{"params": model.embed.parameters(), "lr": lr / 10}, {"params": rest}], lr=lr)
