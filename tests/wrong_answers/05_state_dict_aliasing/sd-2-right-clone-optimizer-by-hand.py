# A right answer written differently: every tensor of the optimizer's state cloned by hand, the param_groups
# deep-copied, and the same again on the way back.
# answer: sd-2
# loses:
def clone_optimizer_state(saved):
    return {"state": {i: {k: v.clone() if torch.is_tensor(v) else v for k, v in s.items()}
                      for i, s in saved["state"].items()},
            "param_groups": copy.deepcopy(saved["param_groups"])}


def checkpoint(model, optimizer):
    return {"model": {k: v.detach().clone() for k, v in model.state_dict().items()},
            "optimizer": clone_optimizer_state(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(clone_optimizer_state(ckpt["optimizer"]))
