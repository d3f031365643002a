# Counts the buffer registered with persistent=False: 13 of 14 keys checked are right.
# answer: pics-3
# loses:
# scores: pics-3-tests=1.86
# shows: tree-nonpersistent-buffer-saved
state_dict_keys = {
    "body.0.weight", "body.0.bias",
    "body.2.0.weight", "body.2.0.bias",
    "body.2.0.running_mean", "body.2.0.running_var", "body.2.0.num_batches_tracked",
    "body.2.1.weight", "body.2.1.bias",
    "score.weight", "export.weight",
    "temperature", "seen", "noise",
}
