# A right answer written differently: let an AveragedModel read the checkpoint, then swap its module's state in.
# answer: sd-4
# loses:
def evaluate_with_average(model, averaged_state, evaluate):
    wrapper = AveragedModel(model)
    wrapper.load_state_dict(averaged_state)
    backup = copy.deepcopy(model.state_dict())
    model.load_state_dict(wrapper.module.state_dict())
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(backup)
