# Copies the model's state dict with dict(...): a new dictionary over the same live tensors.
# answer: sd-2
# loses: sd-2-tests
# shows: shallow-state-dict
def checkpoint(model, optimizer):
    return {"model": dict(model.state_dict()), "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
