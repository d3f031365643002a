# Swaps the averaged tensors in with assign=True ("no copy"): the model now runs on the checkpoint's tensors,
# and restoring it copies the old values into them.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-shares-checkpoint-tensors
def evaluate_with_average(model, averaged_state, evaluate):
    own = copy.deepcopy(model.state_dict())
    averaged = {k.removeprefix("module."): v for k, v in averaged_state.items() if k != "n_averaged"}
    model.load_state_dict(averaged, assign=True)
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own)
