# Thinks a module reachable by two names is saved once, as modules() visits it once.
# answer: pics-3
# loses: pics-3-tests
state_dict_keys = {
    "class_weights",
    "encoder.0.weight", "encoder.0.bias",
    "encoder.1.weight", "encoder.1.bias",
    "encoder.1.running_mean", "encoder.1.running_var", "encoder.1.num_batches_tracked",
    "classifier.weight", "classifier.bias",
}
