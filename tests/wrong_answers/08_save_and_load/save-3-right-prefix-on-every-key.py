# A right answer that strips "module." only when every key carries it (as a DataParallel wrapper writes
# them), fills the model's own state dict with what fits and loads it whole, strictly.
# answer: save-3
# loses:
def warm_start(model, path):
    state = torch.load(path, map_location=torch.device("cpu"))["model"]
    if state and all(key.startswith("module.") for key in state):
        state = {key[len("module."):]: value for key, value in state.items()}
    merged = model.state_dict()
    kept = set()
    for key, value in state.items():
        if key in merged and merged[key].shape == value.shape:
            merged[key] = value
            kept.add(key)
    model.load_state_dict(merged)
    return sorted(set(merged) - kept)
