# Leaves one item at the release's None.
# answer: mods-1
# loses: mods-1-tests
# slip: the form: one prediction left unanswered
counts = {
    "children": 3,
    "modules": 6,
    "all_paths": 8,
    "encoder_children": 3,
    "parameters": 7,
    "state_dict": None,
    "apply": 7,
}
