# A right answer written differently: the state dicts of deep copies of the model and the optimizer (nobody
# trains the copies), and a deep copy again on the way back.
# answer: sd-2
# loses:
def checkpoint(model, optimizer):
    return {"model": copy.deepcopy(model).state_dict(), "optimizer": copy.deepcopy(optimizer).state_dict()}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
