# Believes anything computed from another tensor is a non-leaf, even without grad or under no_grad:
# scaled and frozen are wrong, 6 of 8 right.
# answer: leaf-1
# loses:
# scores: leaf-1-tests=1.5
# shows: leaf-computed-means-non-leaf
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
