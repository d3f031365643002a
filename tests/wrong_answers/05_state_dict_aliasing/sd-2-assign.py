# Loads with assign=True "to avoid a copy": the model gets new Parameters over the checkpoint's tensors, and
# the optimizer still holds the old ones.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-shares-checkpoint-tensors
def checkpoint(model, optimizer):
    return {"model": copy.deepcopy(model.state_dict()), "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"], assign=True)
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
