# Rounds the integer mean to the nearest whole number instead of down.
# answer: sd-3
# loses: sd-3-tests
# slip: the arithmetic: rounds where the task floors
def federated_average(clients):
    states = [c.state_dict() for c in clients]
    average = {}
    for key, first in states[0].items():
        mean = torch.stack([s[key].double() for s in states]).mean(0)
        average[key] = mean.to(first.dtype) if first.is_floating_point() else mean.round().to(first.dtype)
    return average
