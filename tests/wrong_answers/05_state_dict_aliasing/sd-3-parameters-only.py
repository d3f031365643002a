# Averages the parameters only: batch norm's running statistics and counts are not in the result.
# answer: sd-3
# loses: sd-3-tests
# shows: sd-state-is-parameters
def federated_average(clients):
    names = [dict(c.named_parameters()) for c in clients]
    return {k: sum(n[k].detach() for n in names) / len(clients) for k in names[0]}
