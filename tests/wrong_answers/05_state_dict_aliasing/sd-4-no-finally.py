# Restores the model after evaluate returns, but not when it raises.
# answer: sd-4
# loses: sd-4-tests
# slip: Python, not torch: restores the state only when no exception is raised (no finally)
def evaluate_with_average(model, averaged_state, evaluate):
    own = copy.deepcopy(model.state_dict())
    model.load_state_dict({k.removeprefix("module."): v for k, v in averaged_state.items() if k != "n_averaged"})
    result = evaluate(model)
    model.load_state_dict(own)
    return result
