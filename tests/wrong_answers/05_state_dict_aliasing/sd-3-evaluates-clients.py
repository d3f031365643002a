# Puts every client in eval mode "so that reading its state cannot move batch norm's statistics", and leaves
# it there: the next round's local training runs with frozen running statistics.
# answer: sd-3
# loses: sd-3-tests
# shows: sd-changes-caller
def federated_average(clients):
    for client in clients:
        client.eval()
    states = [c.state_dict() for c in clients]
    average = {}
    for key, first in states[0].items():
        total = sum(s[key] for s in states)
        average[key] = total / len(states) if first.is_floating_point() else total // len(states)
    return average
