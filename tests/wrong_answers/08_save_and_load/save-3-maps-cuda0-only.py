# Maps only the GPU name it has seen: map_location={"cuda:0": "cpu"}; a checkpoint from another GPU (cuda:1)
# still asks for CUDA on a CPU-only machine.
# answer: save-3
# loses: save-3-tests
# shows: gpu-checkpoint-loads-anywhere
def warm_start(model, path):
    state = torch.load(path, map_location={"cuda:0": "cpu"})["model"]
    consume_prefix_in_state_dict_if_present(state, "module.")
    own = model.state_dict()
    fitting = {k: v for k, v in state.items() if k in own and v.shape == own[k].shape}
    return sorted(model.load_state_dict(fitting, strict=False).missing_keys)
