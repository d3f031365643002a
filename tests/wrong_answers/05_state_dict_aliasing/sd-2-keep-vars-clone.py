# Clones state_dict(keep_vars=True): the values are clones of the Parameters, in the graph and requiring grad.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-computed-is-plain
def checkpoint(model, optimizer):
    return {"model": {k: v.clone() for k, v in model.state_dict(keep_vars=True).items()},
            "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
