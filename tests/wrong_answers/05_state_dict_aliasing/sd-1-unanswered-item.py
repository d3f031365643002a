# Left one prediction at the release's None.
# answer: sd-1
# loses: sd-1-tests
# slip: the form: one prediction left unanswered
sees_step = {
    'state["0.weight"]': True,
    'state["1.running_mean"]': True,
    'state_copy["0.weight"]': True,
    'state_deep["0.weight"]': False,
    'state_clone["1.running_mean"]': False,
    'state_vars["0.weight"]': True,
    "other[0].weight": False,
    "assigned[0].weight": True,
    "later[0].weight": None,
    'opt_state["state"][0]["exp_avg"]': True,
    'opt_deep["state"][0]["exp_avg"]': False,
    'twin.state[other[0].weight]["exp_avg"]': True,
}
