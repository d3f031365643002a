# Right keys, but a list where a set was asked for.
# answer: pics-3
# loses: pics-3-tests
# slip: the form: a list, not a set
state_dict_keys = [
    "body.0.weight", "body.0.bias",
    "body.2.0.weight", "body.2.0.bias",
    "body.2.0.running_mean", "body.2.0.running_var", "body.2.0.num_batches_tracked",
    "body.2.1.weight", "body.2.1.bias",
    "score.weight", "export.weight",
    "temperature", "seen",
]
