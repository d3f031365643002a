# Keeps model.state_dict() as the backup: loading the average writes into the model's memory, and so into
# the "backup"; the model keeps the averaged weights.
# answer: sd-4
# loses: sd-4-tests
# shows: shallow-state-dict
def evaluate_with_average(model, averaged_state, evaluate):
    own = model.state_dict()
    model.load_state_dict({k.removeprefix("module."): v for k, v in averaged_state.items() if k != "n_averaged"})
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own)
