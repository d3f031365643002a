# Puts the model in eval mode "because this is an evaluation" and never puts it back: the weights are
# restored, but the training that resumes afterwards runs batch norm and dropout in eval mode.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-changes-caller
def evaluate_with_average(model, averaged_state, evaluate):
    own = copy.deepcopy(model.state_dict())
    model.load_state_dict({k[len("module."):]: v for k, v in averaged_state.items() if k.startswith("module.")})
    model.eval()
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own)
