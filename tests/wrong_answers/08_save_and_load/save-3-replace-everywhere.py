# Removes "module." with str.replace: right for this model, but it also cuts it out of the middle of a key
# ("module.submodule.weight" becomes "subweight"), so those layers are never loaded.
# answer: save-3
# loses: save-3-tests
# shows: module-prefix-anywhere
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    state = {k.replace("module.", ""): v for k, v in state.items()}
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).missing_keys)
