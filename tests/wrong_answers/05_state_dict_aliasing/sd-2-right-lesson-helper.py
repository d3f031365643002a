# A right answer that reuses section 3's helper via_bytes for the model, and a deep copy for the optimizer.
# answer: sd-2
# loses:
def checkpoint(model, optimizer):
    return {"model": via_bytes(model), "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
