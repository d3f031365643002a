# Answers in words instead of True/False.
# answer: sd-1
# loses: sd-1-tests
# slip: the form: predictions written as strings, not True/False
sees_step = {
    'state["0.weight"]': "yes",
    'state["1.running_mean"]': "yes",
    'state_copy["0.weight"]': "yes",
    'state_deep["0.weight"]': "no",
    'state_clone["1.running_mean"]': "no",
    'state_vars["0.weight"]': "yes",
    "other[0].weight": "no",
    "assigned[0].weight": "yes",
    "later[0].weight": "yes",
    'opt_state["state"][0]["exp_avg"]': "yes",
    'opt_deep["state"][0]["exp_avg"]': "no",
    'twin.state[other[0].weight]["exp_avg"]': "yes",
}
