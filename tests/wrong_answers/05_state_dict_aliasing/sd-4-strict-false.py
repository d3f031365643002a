# Loads the averaged state as it is with strict=False to silence the key errors: nothing is loaded at all.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-strict-false
def evaluate_with_average(model, averaged_state, evaluate):
    own = copy.deepcopy(model.state_dict())
    model.load_state_dict(averaged_state, strict=False)
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own)
