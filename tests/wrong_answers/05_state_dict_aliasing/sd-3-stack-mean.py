# Stacks each key over the clients and takes mean(0): new tensors, the clients untouched, right for every
# float entry, but mean() refuses batch norm's integer num_batches_tracked (a RuntimeError from torch).
# answer: sd-3
# loses: sd-3-tests
# shows: sd-integer-buffers
def federated_average(clients):
    states = [c.state_dict() for c in clients]
    return {k: torch.stack([s[k] for s in states]).mean(0) for k in states[0]}
