# Returns the other list load_state_dict gives: the checkpoint's keys the model lacks, not the model's keys
# left as they were.
# answer: save-3
# loses: save-3-tests
# shows: left-out-keys-by-name
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    consume_prefix_in_state_dict_if_present(state, "module.")
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k not in own or v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).unexpected_keys)
