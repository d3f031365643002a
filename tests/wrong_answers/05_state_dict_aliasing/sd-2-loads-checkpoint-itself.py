# Deep-copies at checkpoint time, then loads the checkpoint's own optimizer state: the optimizer keeps those
# tensors and trains them, so the second roll-back starts from wherever the first one's training left them.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-optimizer-load-copies
def checkpoint(model, optimizer):
    return {"model": copy.deepcopy(model.state_dict()), "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(ckpt["optimizer"])
