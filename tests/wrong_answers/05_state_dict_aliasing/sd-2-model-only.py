# Rolls back the model and leaves the optimizer where it was: Adam's moments and step counts run on.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-optimizer-has-no-state
def checkpoint(model, optimizer):
    return {"model": copy.deepcopy(model.state_dict()), "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
