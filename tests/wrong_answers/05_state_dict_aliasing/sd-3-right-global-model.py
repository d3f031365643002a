# A right answer written differently: a deep copy of client 0 as the global model, each of its parameters and
# buffers overwritten in place with the mean, and its state dict returned.
# answer: sd-3
# loses:
def federated_average(clients):
    server = copy.deepcopy(clients[0])
    states = [c.state_dict() for c in clients]
    with torch.no_grad():
        for key, value in server.state_dict().items():
            stacked = torch.stack([s[key] for s in states])
            if value.is_floating_point():
                value.copy_(stacked.mean(0))
            else:
                value.copy_(stacked.sum(0) // len(states))
    return server.state_dict()
