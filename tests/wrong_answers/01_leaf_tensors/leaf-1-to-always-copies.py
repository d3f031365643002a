# Believes .to() always makes a new tensor, even when nothing needs converting.
# answer: leaf-1
# loses: leaf-1-tests
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
