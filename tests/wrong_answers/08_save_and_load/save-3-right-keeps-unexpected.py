# A right answer that drops only the keys whose shapes differ and lets strict=False skip the keys the model
# does not have, then reads what load_state_dict returned.
# answer: save-3
# loses:
def warm_start(model, path):
    checkpoint = torch.load(path, map_location=torch.device("cpu"), weights_only=True)
    state = {k.removeprefix("module."): v for k, v in checkpoint["model"].items()}
    own = model.state_dict()
    state = {k: v for k, v in state.items() if k not in own or v.shape == own[k].shape}
    result = model.load_state_dict(state, strict=False)
    return sorted(result.missing_keys)
