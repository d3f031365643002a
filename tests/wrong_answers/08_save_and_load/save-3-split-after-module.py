# Keeps what comes after the first "module." in each key: right for DataParallel's keys, but "submodule.weight"
# from a checkpoint saved without it becomes "weight".
# answer: save-3
# loses: save-3-tests
# shows: module-prefix-anywhere
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    state = {key.split("module.", 1)[-1]: value for key, value in state.items()}
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).missing_keys)
