# Averages everything as floats: num_batches_tracked comes back as a float tensor.
# answer: sd-3
# loses: sd-3-tests
# shows: sd-integer-buffers
def federated_average(clients):
    states = [c.state_dict() for c in clients]
    return {k: torch.stack([s[k].float() for s in states]).mean(0) for k in states[0]}
