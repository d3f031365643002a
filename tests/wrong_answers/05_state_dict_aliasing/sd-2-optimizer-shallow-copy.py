# copy.copy of the optimizer's state dict: a new outer dict, the same per-parameter dicts and tensors.
# answer: sd-2
# loses: sd-2-tests
# shows: shallow-state-dict
def checkpoint(model, optimizer):
    return {"model": copy.deepcopy(model.state_dict()), "optimizer": copy.copy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
