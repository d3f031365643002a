# Has seen str.replace cut "module." out of the middle of a key, so replaces only the first one: right when
# DataParallel wrote the keys, but a checkpoint saved without it loses the "module." inside "submodule.weight"
# ("subweight"), and that layer is never loaded.
# answer: save-3
# loses: save-3-tests
# shows: module-prefix-anywhere
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    state = {k.replace("module.", "", 1): v for k, v in state.items()}
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).missing_keys)
