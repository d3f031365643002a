# Tests for the prefix with `"module." in key` instead of startswith, then cuts 7 characters: a key that holds
# "module." further in ("submodule.weight", saved without DataParallel) is cut to "e.weight".
# answer: save-3
# loses: save-3-tests
# shows: module-prefix-anywhere
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    state = {(key[7:] if "module." in key else key): value for key, value in state.items()}
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).missing_keys)
