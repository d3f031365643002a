# Restores the model whatever happens, and hides the error: the caller never learns the evaluation failed.
# answer: sd-4
# loses: sd-4-tests
# slip: Python, not torch: swallows the error the caller must see
def evaluate_with_average(model, averaged_state, evaluate):
    own = copy.deepcopy(model.state_dict())
    model.load_state_dict({k.removeprefix("module."): v for k, v in averaged_state.items() if k != "n_averaged"})
    try:
        return evaluate(model)
    except Exception:
        return None
    finally:
        model.load_state_dict(own)
