# Averages the floating-point tensors and keeps client 0's integer buffer (cloned).
# answer: sd-3
# loses: sd-3-tests
# shows: sd-integer-buffers
def federated_average(clients):
    states = [c.state_dict() for c in clients]
    return {k: sum(s[k] for s in states) / len(states) if v.is_floating_point() else v.clone()
            for k, v in states[0].items()}
