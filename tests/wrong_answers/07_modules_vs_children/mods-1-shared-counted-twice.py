# Counts the shared ReLU at each of its places in every iterator.
# answer: mods-1
# loses:
# scores: mods-1-tests=1.14
# shows: iterators-yield-every-path
counts = {
    "children": 3,
    "modules": 8,
    "all_paths": 8,
    "encoder_children": 4,
    "parameters": 7,
    "state_dict": 7,
    "apply": 8,
}
