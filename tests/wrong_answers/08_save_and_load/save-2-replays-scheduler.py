# Leaves the scheduler out of the checkpoint and replays it on resume: one scheduler.step() per finished
# epoch, then the optimizer's state dict on top for the learning rate. Right only while the schedule steps
# once an epoch; a schedule that steps every batch is put back epochs, not steps, along.
# answer: save-2
# loses: save-2-tests
# shows: scheduler-state-is-the-epoch
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch,
                "rng": torch.get_rng_state()}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location="cpu")
    for _ in range(checkpoint["epoch"]):
        scheduler.step()
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    torch.set_rng_state(checkpoint["rng"])
    return checkpoint["epoch"]
