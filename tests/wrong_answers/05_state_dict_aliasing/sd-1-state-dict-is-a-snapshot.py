# Believes model.state_dict() and optimizer.state_dict() are snapshots, and that a load
# always copies; only keep_vars and assign=True share.
# answer: sd-1
# loses: 
# scores: sd-1-tests=1
# shows: shallow-state-dict
sees_step = {
    'state["0.weight"]': False,
    'state["1.running_mean"]': False,
    'state_copy["0.weight"]': False,
    'state_deep["0.weight"]': False,
    'state_clone["1.running_mean"]': False,
    'state_vars["0.weight"]': True,
    'other[0].weight': False,
    'assigned[0].weight': True,
    'later[0].weight': False,
    'opt_state["state"][0]["exp_avg"]': False,
    'opt_deep["state"][0]["exp_avg"]': False,
    'twin.state[other[0].weight]["exp_avg"]': False,
}
