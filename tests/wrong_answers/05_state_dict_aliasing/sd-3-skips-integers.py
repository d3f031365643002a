# Fixes the error the cell showed (skip the integer buffer) and keeps the loop: it still adds into client 0's
# own tensors.
# answer: sd-3
# loses: sd-3-tests
# shows: shallow-state-dict
def federated_average(clients):
    average = clients[0].state_dict()
    for key in average:
        if not average[key].is_floating_point():
            continue
        for client in clients[1:]:
            average[key] += client.state_dict()[key]
        average[key] /= len(clients)
    return average
