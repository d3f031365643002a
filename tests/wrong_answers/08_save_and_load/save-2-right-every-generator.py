# A right answer that also keeps Python's random state (plain data), for loops that draw from it too, and
# loads onto the device of the model.
# answer: save-2
# loses:
import random


def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "epoch": epoch,
                "rng": {"torch": torch.get_rng_state(), "python": random.getstate()}}, path)


def resume(path, model, optimizer, scheduler):
    device = next(model.parameters()).device
    checkpoint = torch.load(path, map_location=device, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    scheduler.load_state_dict(checkpoint["scheduler"])
    torch.set_rng_state(checkpoint["rng"]["torch"].cpu())
    random.setstate(checkpoint["rng"]["python"])
    return int(checkpoint["epoch"])
