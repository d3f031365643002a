# Builds the model's checkpoint from named_parameters() and named_buffers(), cloned: the same as state_dict()
# until a layer is used twice (tied weights), which named_parameters() lists once, so the checkpoint lacks
# the second key and the roll-back's strict load refuses it.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-state-dict-is-named-tensors
def checkpoint(model, optimizer):
    state = {name: p.detach().clone() for name, p in model.named_parameters()}
    state.update({name: b.detach().clone() for name, b in model.named_buffers()})
    return {"model": state, "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(copy.deepcopy(ckpt["optimizer"]))
