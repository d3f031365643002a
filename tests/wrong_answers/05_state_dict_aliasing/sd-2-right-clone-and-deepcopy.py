# A right answer written differently: the clone comprehension for the model, deep copies for the optimizer,
# and a copy of everything again on the way back.
# answer: sd-2
# loses:
def checkpoint(model, optimizer):
    return {"model": {k: v.detach().clone() for k, v in model.state_dict().items()},
            "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict({k: v.clone() for k, v in ckpt["model"].items()})
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
