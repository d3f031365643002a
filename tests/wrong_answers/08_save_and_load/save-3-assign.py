# Loads with assign=True: the model gets new Parameter objects, and an optimizer built on it trains the old ones.
# answer: save-3
# loses: save-3-tests
# shows: assign-true-skips-a-copy
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    consume_prefix_in_state_dict_if_present(state, "module.")
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False, assign=True).missing_keys)
