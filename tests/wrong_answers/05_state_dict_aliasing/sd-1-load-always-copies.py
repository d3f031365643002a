# Believes load_state_dict always copies, assign=True or not.
# answer: sd-1
# loses: 
# scores: sd-1-tests=1.67
# shows: sd-load-always-copies
sees_step = {
    'state["0.weight"]': True,
    'state["1.running_mean"]': True,
    'state_copy["0.weight"]': True,
    'state_deep["0.weight"]': False,
    'state_clone["1.running_mean"]': False,
    'state_vars["0.weight"]': True,
    'other[0].weight': False,
    'assigned[0].weight': False,
    'later[0].weight': False,
    'opt_state["state"][0]["exp_avg"]': True,
    'opt_deep["state"][0]["exp_avg"]': False,
    'twin.state[other[0].weight]["exp_avg"]': True,
}
