# A right answer written differently: a round trip through torch.save / torch.load at both ends.
# answer: sd-2
# loses:
def round_trip(state):
    buffer = io.BytesIO()
    torch.save(state, buffer)
    buffer.seek(0)
    return torch.load(buffer)


def checkpoint(model, optimizer):
    return {"model": round_trip(model.state_dict()), "optimizer": round_trip(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(round_trip(ckpt["optimizer"]))
