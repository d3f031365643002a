# Answers with the numbers written as strings.
# answer: mods-1
# loses: mods-1-tests
# slip: the form: predictions written as strings, not numbers
counts = {
    "children": "3",
    "modules": "6",
    "all_paths": "8",
    "encoder_children": "3",
    "parameters": "7",
    "state_dict": "7",
    "apply": "7",
}
