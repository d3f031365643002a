# Believes dict(model.state_dict()) copies the tensors.
# answer: sd-1
# loses: 
# scores: sd-1-tests=1.83
# shows: shallow-state-dict
sees_step = {
    'state["0.weight"]': True,
    'state["1.running_mean"]': True,
    'state_copy["0.weight"]': False,
    'state_deep["0.weight"]': False,
    'state_clone["1.running_mean"]': False,
    'state_vars["0.weight"]': True,
    'other[0].weight': False,
    'assigned[0].weight': True,
    'later[0].weight': True,
    'opt_state["state"][0]["exp_avg"]': True,
    'opt_deep["state"][0]["exp_avg"]': False,
    'twin.state[other[0].weight]["exp_avg"]': True,
}
