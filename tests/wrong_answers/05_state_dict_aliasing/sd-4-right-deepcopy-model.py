# A right answer by another route: evaluate a deep copy that holds the averaged weights; the model is never
# touched (it costs a second model in memory).
# answer: sd-4
# loses:
def evaluate_with_average(model, averaged_state, evaluate):
    averaged = copy.deepcopy(model)
    averaged.load_state_dict({k[len("module."):]: v for k, v in averaged_state.items() if k.startswith("module.")})
    return evaluate(averaged)
