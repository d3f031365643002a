# Maps the one GPU name it has seen to the CPU: map_location={"cuda:0": "cpu"}. A checkpoint written from any
# other GPU (cuda:1, a second process's device) still asks for CUDA on a machine that has none.
# answer: save-2
# loses: save-2-tests
# shows: gpu-checkpoint-loads-anywhere
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "epoch": epoch, "rng": torch.get_rng_state()}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location={"cuda:0": "cpu"})
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    scheduler.load_state_dict(checkpoint["scheduler"])
    torch.set_rng_state(checkpoint["rng"])
    return checkpoint["epoch"]
