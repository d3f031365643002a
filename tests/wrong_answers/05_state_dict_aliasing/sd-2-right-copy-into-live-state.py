# A right answer written differently: the roll-back copies the checkpoint into the model's live state dict
# (the model's own memory), tied keys and integer buffers included, and loads a deep copy into the optimizer.
# answer: sd-2
# loses:
def checkpoint(model, optimizer):
    return {"model": {k: v.detach().clone() for k, v in model.state_dict().items()},
            "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    with torch.no_grad():
        for key, value in model.state_dict().items():
            value.copy_(ckpt["model"][key])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
