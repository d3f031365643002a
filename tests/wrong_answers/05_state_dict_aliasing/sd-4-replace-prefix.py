# Strips the prefix with str.replace, which also cuts "module." out of the middle of a key.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-replace-strips-prefix
def evaluate_with_average(model, averaged_state, evaluate):
    own = copy.deepcopy(model.state_dict())
    model.load_state_dict({k.replace("module.", ""): v for k, v in averaged_state.items() if k != "n_averaged"})
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own)
