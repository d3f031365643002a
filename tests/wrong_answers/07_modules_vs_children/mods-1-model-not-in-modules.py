# Leaves the model itself out of modules() and named_modules().
# answer: mods-1
# loses:
# scores: mods-1-tests=1.14
# shows: model-not-its-own-module
counts = {
    "children": 3,
    "modules": 5,
    "all_paths": 7,
    "encoder_children": 3,
    "parameters": 7,
    "state_dict": 7,
    "apply": 6,
}
