# Thinks a module reachable by two names is saved once, as modules() visits it once (12 of 13 right).
# answer: pics-3
# loses:
# scores: pics-3-tests=1.85
# shows: tree-shared-module-once
state_dict_keys = {
    "body.0.weight", "body.0.bias",
    "body.2.0.weight", "body.2.0.bias",
    "body.2.0.running_mean", "body.2.0.running_var", "body.2.0.num_batches_tracked",
    "body.2.1.weight", "body.2.1.bias",
    "score.weight",
    "temperature", "seen",
}
