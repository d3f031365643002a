# Believes only tensors that require grad can be leaves.
# answer: leaf-1
# loses: leaf-1-tests
is_leaf_prediction = {
    "w": True,
    "x": False,
    "h": False,
    "first": False,
    "scaled": False,
    "frozen": False,
    "same": True,
    "wide": False,
}
