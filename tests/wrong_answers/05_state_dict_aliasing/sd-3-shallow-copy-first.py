# Copies the dictionary before the loop, with copy.copy: a new dict over client 0's tensors.
# answer: sd-3
# loses: sd-3-tests
# shows: shallow-state-dict
def federated_average(clients):
    average = copy.copy(clients[0].state_dict())
    for key in average:
        for client in clients[1:]:
            average[key] += client.state_dict()[key]
        if average[key].is_floating_point():
            average[key] /= len(clients)
        else:
            average[key] //= len(clients)
    return average
