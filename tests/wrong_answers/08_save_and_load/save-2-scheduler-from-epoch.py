# Leaves the scheduler out of the checkpoint and puts it back by setting its last_epoch to the epoch: "the
# learning rate is in the optimizer's state dict, the scheduler only counts epochs". Its own state (step count,
# last learning rates) stays the fresh one, and a schedule that steps every batch restarts at the wrong point.
# answer: save-2
# loses: save-2-tests
# shows: scheduler-state-is-the-epoch
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch,
                "rng": torch.get_rng_state()}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    scheduler.last_epoch = checkpoint["epoch"]
    torch.set_rng_state(checkpoint["rng"])
    return checkpoint["epoch"]
