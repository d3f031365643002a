# A "deep enough" copy of the optimizer state: new dicts at every level, but the same exp_avg tensors in them.
# answer: sd-2
# loses: sd-2-tests
# shows: shallow-state-dict
def checkpoint(model, optimizer):
    state = optimizer.state_dict()
    return {"model": copy.deepcopy(model.state_dict()),
            "optimizer": {"state": {i: dict(s) for i, s in state["state"].items()},
                          "param_groups": [dict(g) for g in state["param_groups"]]}}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
