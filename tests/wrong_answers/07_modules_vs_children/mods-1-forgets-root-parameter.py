# Counts only the parameters inside submodules: the model's own scale is forgotten.
# answer: mods-1
# loses:
# scores: mods-1-tests=1.43
# shows: model-not-its-own-module
counts = {
    "children": 3,
    "modules": 6,
    "all_paths": 8,
    "encoder_children": 3,
    "parameters": 6,
    "state_dict": 6,
    "apply": 7,
}
