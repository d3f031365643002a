# Uses PyTorch's helper on the checkpoint's dict, and pops n_averaged: both edit the caller's dict in place.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-prefix-helper-copies
def evaluate_with_average(model, averaged_state, evaluate):
    own = copy.deepcopy(model.state_dict())
    consume_prefix_in_state_dict_if_present(averaged_state, "module.")
    averaged_state.pop("n_averaged")
    model.load_state_dict(averaged_state)
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own)
