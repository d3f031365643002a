# Turns requires_grad off "since evaluation needs no gradients" and back on afterwards, for every parameter:
# a layer that was frozen before comes back trainable.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-changes-caller
def evaluate_with_average(model, averaged_state, evaluate):
    own = {k: v.detach().clone() for k, v in model.state_dict().items()}
    model.load_state_dict({k[len("module."):]: v for k, v in averaged_state.items() if k.startswith("module.")})
    model.requires_grad_(False)
    try:
        return evaluate(model)
    finally:
        model.requires_grad_(True)
        model.load_state_dict(own)
