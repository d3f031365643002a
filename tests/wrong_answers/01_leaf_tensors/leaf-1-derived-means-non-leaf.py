# Believes anything computed from another tensor is a non-leaf, even without grad or under no_grad.
# answer: leaf-1
# loses: leaf-1-tests
is_leaf_prediction = {
    "w": True,
    "x": True,
    "h": False,
    "first": False,
    "scaled": False,
    "frozen": False,
    "same": True,
    "wide": False,
}
