# Saves the model, optimizer and scheduler objects themselves and loads with weights_only=False: the
# resumed run never sees them (they are new objects), and a plain torch.load(path) refuses the file.
# answer: save-2
# loses: save-2-tests
# shows: weights-only-false-is-harmless
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model, "optimizer": optimizer, "scheduler": scheduler, "epoch": epoch,
                "rng": torch.get_rng_state()}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    model.load_state_dict(checkpoint["model"].state_dict())
    optimizer.load_state_dict(checkpoint["optimizer"].state_dict())
    scheduler.load_state_dict(checkpoint["scheduler"].state_dict())
    torch.set_rng_state(checkpoint["rng"])
    return checkpoint["epoch"]
