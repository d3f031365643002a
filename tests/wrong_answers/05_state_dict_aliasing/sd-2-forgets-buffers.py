# Clones the parameters and forgets the buffers: batch norm's running statistics are never rolled back
# (strict=False quiets the missing keys).
# answer: sd-2
# loses: sd-2-tests
# shows: sd-state-is-parameters
def checkpoint(model, optimizer):
    return {"model": {k: p.detach().clone() for k, p in model.named_parameters()},
            "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"], strict=False)
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
