# Catches the size-mismatch error and goes on, then lists the keys missing by name: the backbone happens to
# be loaded (load_state_dict copies before it raises), but the head it skipped is reported as loaded.
# answer: save-3
# loses: save-3-tests
# shows: left-out-keys-by-name
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    state = {k.removeprefix("module."): v for k, v in state.items()}
    try:
        model.load_state_dict(state, strict=False)
    except RuntimeError:
        pass
    return sorted(k for k in model.state_dict() if k not in state)
