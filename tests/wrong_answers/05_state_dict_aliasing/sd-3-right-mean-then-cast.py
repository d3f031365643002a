# A right answer written differently: every entry averaged in float64 and cast back to its own dtype (the
# cast truncates toward zero, which is rounding down for counts).
# answer: sd-3
# loses:
def federated_average(clients):
    states = [c.state_dict() for c in clients]
    return {k: torch.stack([s[k].double() for s in states]).mean(0).to(v.dtype) for k, v in states[0].items()}
