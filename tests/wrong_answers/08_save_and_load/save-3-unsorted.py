# Right values, but returns missing_keys in the model's order instead of sorted.
# answer: save-3
# loses: save-3-tests
# slip: the form: the list of keys unsorted where the task asks for it sorted
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    consume_prefix_in_state_dict_if_present(state, "module.")
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return model.load_state_dict(fitting, strict=False).missing_keys
