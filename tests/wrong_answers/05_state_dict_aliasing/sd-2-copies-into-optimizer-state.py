# Reads "in place" as "copy the saved values into the optimizer's own tensors": Adam's moments and step
# counts come back, but the param_groups (an lr a scheduler lowered) stay where training left them, and state
# the optimizer made after the checkpoint (a checkpoint taken before the first step) is never removed.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-optimizer-state-is-moments
def checkpoint(model, optimizer):
    return {"model": copy.deepcopy(model.state_dict()), "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    live = optimizer.state_dict()["state"]
    with torch.no_grad():
        for index, saved in ckpt["optimizer"]["state"].items():
            for name, value in saved.items():
                live[index][name].copy_(value)
