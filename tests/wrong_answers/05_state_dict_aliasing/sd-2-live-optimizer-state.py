# Clones the model's state but keeps optimizer.state_dict() as it is: the optimizer's own moment buffers.
# answer: sd-2
# loses: sd-2-tests
# shows: shallow-state-dict
def checkpoint(model, optimizer):
    return {"model": {k: v.detach().clone() for k, v in model.state_dict().items()},
            "optimizer": optimizer.state_dict()}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
