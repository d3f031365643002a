# Believes only tensors that require grad can be leaves:
# x, scaled and frozen are wrong, 5 of 8 right.
# answer: leaf-1
# loses:
# scores: leaf-1-tests=1.25
# shows: leaf-needs-requires-grad
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
