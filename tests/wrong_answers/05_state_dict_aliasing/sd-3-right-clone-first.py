# A right answer written differently: clone client 0's state, then the broken loop works on the clones.
# answer: sd-3
# loses:
def federated_average(clients):
    average = {k: v.detach().clone() for k, v in clients[0].state_dict().items()}
    for key in average:
        for client in clients[1:]:
            average[key] += client.state_dict()[key]
        if average[key].is_floating_point():
            average[key] /= len(clients)
        else:
            average[key] //= len(clients)
    return average
