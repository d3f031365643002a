# Thinks children() walks the whole tree like modules() (the model itself left out).
# answer: mods-1
# loses:
# scores: mods-1-tests=1.71
# shows: children-walks-the-tree
counts = {
    "children": 5,
    "modules": 6,
    "all_paths": 8,
    "encoder_children": 3,
    "parameters": 7,
    "state_dict": 7,
    "apply": 7,
}
