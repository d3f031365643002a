# A right answer without load_state_dict: copy each fitting value into the model's own tensor (state_dict()
# values share the model's memory), under no_grad; the keys not copied are the ones left as they were.
# answer: save-3
# loses:
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    own = model.state_dict()
    loaded = set()
    with torch.no_grad():
        for key, value in state.items():
            key = key[len("module."):] if key.startswith("module.") else key
            if key in own and own[key].shape == value.shape:
                own[key].copy_(value)
                loaded.add(key)
    return sorted(k for k in own if k not in loaded)
