# Knows assign=True shares, but not the flag it leaves in the dict's _metadata: the later
# default load of the same dict assigns too.
# answer: sd-1
# loses: 
# scores: sd-1-tests=1.83
# shows: sd-assign-flag-forgotten
sees_step = {
    'state["0.weight"]': True,
    'state["1.running_mean"]': True,
    'state_copy["0.weight"]': True,
    'state_deep["0.weight"]': False,
    'state_clone["1.running_mean"]': False,
    'state_vars["0.weight"]': True,
    'other[0].weight': False,
    'assigned[0].weight': True,
    'later[0].weight': False,
    'opt_state["state"][0]["exp_avg"]': True,
    'opt_deep["state"][0]["exp_avg"]': False,
    'twin.state[other[0].weight]["exp_avg"]': True,
}
