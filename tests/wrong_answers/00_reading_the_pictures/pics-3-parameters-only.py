# Thinks state_dict holds parameters only.
# answer: pics-3
# loses: pics-3-tests
state_dict_keys = {
    "encoder.0.weight", "encoder.0.bias",
    "encoder.1.weight", "encoder.1.bias",
    "classifier.weight", "classifier.bias",
    "head.weight", "head.bias",
}
