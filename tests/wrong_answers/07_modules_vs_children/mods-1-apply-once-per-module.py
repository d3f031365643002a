# Thinks apply calls fn once per module, as modules() yields them.
# answer: mods-1
# loses:
# scores: mods-1-tests=1.71
# shows: apply-once-per-module
counts = {
    "children": 3,
    "modules": 6,
    "all_paths": 8,
    "encoder_children": 3,
    "parameters": 7,
    "state_dict": 7,
    "apply": 6,
}
