# Answers with strings instead of bools.
# answer: leaf-1
# loses: leaf-1-tests
# slip: the form: predictions written as strings, not True/False
is_leaf_prediction = {name: "True" for name in ["w", "x", "h", "first", "scaled", "frozen", "same", "wide"]}
