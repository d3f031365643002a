# Does not store the epoch: "the scheduler already counts them", so resume returns scheduler.last_epoch.
# That is the number of scheduler steps, which is the number of epochs only for a schedule stepped once an epoch.
# answer: save-2
# loses: save-2-tests
# shows: scheduler-state-is-the-epoch
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "rng": torch.get_rng_state()}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    scheduler.load_state_dict(checkpoint["scheduler"])
    torch.set_rng_state(checkpoint["rng"])
    return scheduler.last_epoch
