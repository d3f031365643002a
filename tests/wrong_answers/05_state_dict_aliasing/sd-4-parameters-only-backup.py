# Backs up the parameters only: batch norm's running statistics stay the averaged ones afterwards.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-state-is-parameters
def evaluate_with_average(model, averaged_state, evaluate):
    own = {k: p.detach().clone() for k, p in model.named_parameters()}
    model.load_state_dict({k.removeprefix("module."): v for k, v in averaged_state.items() if k != "n_averaged"})
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own, strict=False)
