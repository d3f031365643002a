# Averages named_parameters() and named_buffers() "to stay away from state_dict()'s aliasing": new tensors,
# but each averaged weight is the output of a sum over the clients' Parameters, so it requires grad and
# holds the autograd graph of all of them (and torch.save or a later autograd call carries it along).
# answer: sd-3
# loses: sd-3-tests
# shows: sd-computed-is-plain
def federated_average(clients):
    average = {}
    tables = [{**dict(c.named_parameters()), **dict(c.named_buffers())} for c in clients]
    for key, first in tables[0].items():
        total = sum(t[key] for t in tables)
        average[key] = total / len(clients) if first.is_floating_point() else total // len(clients)
    return average
