# Instead of the RNG state, seeds torch with the epoch number on resume: reproducible, but not the
# uninterrupted run's random numbers.
# answer: save-2
# loses: save-2-tests
# shows: seed-restores-the-rng
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "epoch": epoch}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    scheduler.load_state_dict(checkpoint["scheduler"])
    torch.manual_seed(checkpoint["epoch"])
    return checkpoint["epoch"]
