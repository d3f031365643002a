# Keeps the newest checkpoint in memory too and resumes from there "to skip reading the file back": right for
# the last file saved, wrong for any other (and a restarted process has no such memory).
# answer: save-2
# loses: save-2-tests
# shows: checkpoint-lives-in-memory
import copy

NEWEST = {}


def save_checkpoint(path, model, optimizer, scheduler, epoch):
    checkpoint = {"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                  "scheduler": scheduler.state_dict(), "epoch": epoch, "rng": torch.get_rng_state()}
    torch.save(checkpoint, path)
    NEWEST["checkpoint"] = copy.deepcopy(checkpoint)


def resume(path, model, optimizer, scheduler):
    checkpoint = NEWEST["checkpoint"] if NEWEST else torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(copy.deepcopy(checkpoint["optimizer"]))
    scheduler.load_state_dict(checkpoint["scheduler"])
    torch.set_rng_state(checkpoint["rng"])
    return checkpoint["epoch"]
