# Filters by shape and loads with strict=False, but ignores what load_state_dict returned and lists the
# model's keys the checkpoint lacks by name: the head is in the checkpoint, so it is never reported.
# answer: save-3
# loses: save-3-tests
# shows: left-out-keys-by-name
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    state = {k.removeprefix("module."): v for k, v in state.items()}
    own = model.state_dict()
    model.load_state_dict({k: v for k, v in state.items() if k in own and v.shape == own[k].shape}, strict=False)
    return sorted(k for k in own if k not in state)
