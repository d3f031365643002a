# A right answer by the route section 3 shows: torch.save to an in-memory file and torch.load back, for
# the model and the optimizer; the roll-back loads from the bytes again, so nothing is ever shared.
# answer: sd-2
# loses:
def checkpoint(model, optimizer):
    buffer = io.BytesIO()
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, buffer)
    buffer.seek(0)
    return torch.load(buffer)


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
