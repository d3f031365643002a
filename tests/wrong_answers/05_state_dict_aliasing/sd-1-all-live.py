# Has learnt that state dicts alias, and now believes every copy, load and deepcopy does too.
# answer: sd-1
# loses: 
# scores: sd-1-tests=1.33
# shows: sd-everything-aliases
sees_step = {
    'state["0.weight"]': True,
    'state["1.running_mean"]': True,
    'state_copy["0.weight"]': True,
    'state_deep["0.weight"]': True,
    'state_clone["1.running_mean"]': True,
    'state_vars["0.weight"]': True,
    'other[0].weight': True,
    'assigned[0].weight': True,
    'later[0].weight': True,
    'opt_state["state"][0]["exp_avg"]': True,
    'opt_deep["state"][0]["exp_avg"]': True,
    'twin.state[other[0].weight]["exp_avg"]': True,
}
