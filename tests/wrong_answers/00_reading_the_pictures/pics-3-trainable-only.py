# Thinks state_dict holds what the optimizer trains: leaves out the frozen temperature and every
# buffer (8 of 13 right).
# answer: pics-3
# loses:
# scores: pics-3-tests=1.23
# shows: tree-state-dict-is-trainable
state_dict_keys = {
    "body.0.weight", "body.0.bias",
    "body.2.0.weight", "body.2.0.bias",
    "body.2.1.weight", "body.2.1.bias",
    "score.weight", "export.weight",
}
