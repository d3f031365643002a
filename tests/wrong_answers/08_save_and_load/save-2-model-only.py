# The checkpoint the tutorials' first example writes: the model's weights and the epoch. The restarted run
# trains with fresh Adam moments, a fresh schedule and other random batches.
# answer: save-2
# loses: save-2-tests
# shows: weights-resume-training
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    torch.save({"model": model.state_dict(), "epoch": epoch}, path)


def resume(path, model, optimizer, scheduler):
    checkpoint = torch.load(path, map_location="cpu")
    model.load_state_dict(checkpoint["model"])
    return checkpoint["epoch"]
