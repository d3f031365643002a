# Takes a shortcut for a single client: its state dict is "already the average" - and is that client's memory.
# answer: sd-3
# loses: sd-3-tests
# shows: shallow-state-dict
def federated_average(clients):
    if len(clients) == 1:
        return clients[0].state_dict()
    average = {k: v.clone() for k, v in clients[0].state_dict().items()}
    for key in average:
        for client in clients[1:]:
            average[key] += client.state_dict()[key]
        if average[key].is_floating_point():
            average[key] /= len(clients)
        else:
            average[key] //= len(clients)
    return average
