# Thinks state_dict holds parameters only: misses the BatchNorm buffers and seen (9 of 13 right).
# answer: pics-3
# loses:
# scores: pics-3-tests=1.38
# shows: tree-state-dict-is-parameters
state_dict_keys = {
    "body.0.weight", "body.0.bias",
    "body.2.0.weight", "body.2.0.bias",
    "body.2.1.weight", "body.2.1.bias",
    "score.weight", "export.weight",
    "temperature",
}
