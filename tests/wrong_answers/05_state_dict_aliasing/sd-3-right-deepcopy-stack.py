# A right answer written differently: torch.stack for the floats, a deep copy to start from.
# answer: sd-3
# loses:
def federated_average(clients):
    states = [c.state_dict() for c in clients]
    average = copy.deepcopy(states[0])
    for key, value in average.items():
        stacked = torch.stack([s[key] for s in states])
        if value.is_floating_point():
            value.copy_(stacked.mean(0))
        else:
            value.copy_(stacked.sum(0) // len(states))
    return average
