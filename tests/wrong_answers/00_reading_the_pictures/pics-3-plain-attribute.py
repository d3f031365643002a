# Counts the plain tensor attribute last_input as state.
# answer: pics-3
# loses: pics-3-tests
state_dict_keys = {
    "class_weights", "last_input",
    "encoder.0.weight", "encoder.0.bias",
    "encoder.1.weight", "encoder.1.bias",
    "encoder.1.running_mean", "encoder.1.running_var", "encoder.1.num_batches_tracked",
    "classifier.weight", "classifier.bias",
    "head.weight", "head.bias",
}
