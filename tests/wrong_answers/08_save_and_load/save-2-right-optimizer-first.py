# A right answer in another order: RNG first, then the optimizer, the scheduler, the model; map_location
# as a torch.device.
# answer: save-2
# loses:
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    checkpoint = {}
    checkpoint["rng_state"] = torch.get_rng_state()
    checkpoint["optimizer_state"] = optimizer.state_dict()
    checkpoint["scheduler_state"] = scheduler.state_dict()
    checkpoint["model_state"] = model.state_dict()
    checkpoint["finished_epochs"] = epoch
    torch.save(checkpoint, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location=torch.device("cpu"))
    torch.set_rng_state(checkpoint["rng_state"])
    optimizer.load_state_dict(checkpoint["optimizer_state"])
    scheduler.load_state_dict(checkpoint["scheduler_state"])
    model.load_state_dict(checkpoint["model_state"])
    return checkpoint["finished_epochs"]
