# Believes an optimizer's state is its per-parameter buffers: puts copies of them back under the optimizer's
# Parameters, and leaves the param_groups (lr, momentum, ... a scheduler changed since) as training left them.
# answer: sd-2
# loses: sd-2-tests
# shows: sd-optimizer-state-is-moments
def checkpoint(model, optimizer):
    return {"model": {k: v.detach().clone() for k, v in model.state_dict().items()},
            "optimizer": copy.deepcopy(optimizer.state_dict())}


def rollback_(model, optimizer, ckpt):
    model.load_state_dict(ckpt["model"])
    params = [p for group in optimizer.param_groups for p in group["params"]]
    optimizer.state.clear()
    for index, saved in copy.deepcopy(ckpt["optimizer"]["state"]).items():
        optimizer.state[params[index]] = saved
