# Keeps the RNG state as a NumPy array ("plain data"): weights_only=True refuses the array, so the answer
# loads its own file with weights_only=False, and a plain torch.load(path) cannot read it.
# answer: save-2
# loses: save-2-tests
# shows: plain-looking-objects-load
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "epoch": epoch, "rng": torch.get_rng_state().numpy()}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    scheduler.load_state_dict(checkpoint["scheduler"])
    torch.set_rng_state(torch.from_numpy(checkpoint["rng"]))
    return checkpoint["epoch"]
