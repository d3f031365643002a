# Right values, but loads the downloaded checkpoint with weights_only=False ("so that everything in it loads",
# the line older posts show): whatever the file's pickle asks for runs on this machine.
# answer: save-3
# loses: save-3-tests
# shows: weights-only-false-is-harmless
def warm_start(model, path):
    state = torch.load(path, map_location="cpu", weights_only=False)["model"]
    consume_prefix_in_state_dict_if_present(state, "module.")
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).missing_keys)
