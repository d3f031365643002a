# A right answer written differently: PyTorch's prefix helper, run on a dict(...) of the checkpoint (its own
# keys, no shared _metadata), n_averaged dropped; the training mode saved and put back too.
# answer: sd-4
# loses:
def evaluate_with_average(model, averaged_state, evaluate):
    averaged = dict(averaged_state)
    consume_prefix_in_state_dict_if_present(averaged, "module.")
    del averaged["n_averaged"]
    own = copy.deepcopy(model.state_dict())
    modes = [m.training for m in model.modules()]
    model.load_state_dict(averaged)
    try:
        return evaluate(model)
    finally:
        model.load_state_dict(own)
        for m, mode in zip(model.modules(), modes):
            m.train(mode)
