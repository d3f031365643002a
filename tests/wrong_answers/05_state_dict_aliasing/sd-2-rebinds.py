# Builds fresh objects inside rollback_: the names are rebound locally, the caller's model and optimizer
# are untouched.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-rebinding-replaces-caller
def checkpoint(model, optimizer):
    return {"model": copy.deepcopy(model.state_dict()), "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model = copy.deepcopy(model)
    model.load_state_dict(ckpt["model"])
    optimizer = type(optimizer)(model.parameters())
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
