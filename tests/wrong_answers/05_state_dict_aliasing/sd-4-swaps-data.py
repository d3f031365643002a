# Swaps each tensor's .data for the checkpoint's tensor and back, "no copies, and the Parameter objects stay":
# while evaluate runs the model IS the checkpoint's memory, so a forward pass in training mode (batch norm's
# running statistics and count) writes into averaged_state.
# answer: sd-4
# loses: sd-4-tests
# shows: sd-shares-checkpoint-tensors
def evaluate_with_average(model, averaged_state, evaluate):
    averaged = {k[len("module."):]: v for k, v in averaged_state.items() if k.startswith("module.")}
    tensors = {**dict(model.named_parameters()), **dict(model.named_buffers())}
    own = {name: t.data for name, t in tensors.items()}
    for name, t in tensors.items():
        t.data = averaged[name]
    try:
        return evaluate(model)
    finally:
        for name, t in tensors.items():
            t.data = own[name]
