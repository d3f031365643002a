# Believes .to() always makes a new tensor, even when nothing needs converting:
# same is wrong, 7 of 8 right.
# answer: leaf-1
# loses:
# scores: leaf-1-tests=1.75
# shows: leaf-to-always-copies
is_leaf_prediction = {
    "w": True,
    "x": True,
    "h": False,
    "first": False,
    "scaled": True,
    "frozen": True,
    "same": False,
    "wide": False,
}
