# Believes indexing a leaf gives a leaf, since w[0] is the same memory: first is wrong, 7 of 8 right.
# answer: leaf-1
# loses:
# scores: leaf-1-tests=1.75
# shows: leaf-same-looking-is-leaf
is_leaf_prediction = {
    "w": True,
    "x": True,
    "h": False,
    "first": True,
    "scaled": True,
    "frozen": True,
    "same": True,
    "wide": False,
}
