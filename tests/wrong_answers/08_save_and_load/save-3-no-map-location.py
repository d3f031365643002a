# Right for checkpoints written on this machine; loads without map_location, so one written on a GPU
# machine cannot be read on a CPU-only one.
# answer: save-3
# loses: save-3-tests
# shows: gpu-checkpoint-loads-anywhere
def warm_start(model, path):
    state = torch.load(path)["model"]
    consume_prefix_in_state_dict_if_present(state, "module.")
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).missing_keys)
