# Believes every operation saves its inputs, so a write into h after add or tanh breaks backward too:
# D and G are wrong, 6 of 8 right.
# answer: inplace-1
# loses:
# scores: inplace-1-tests=1.5
# shows: inplace-every-op-saves-inputs
raises_prediction = {"A": True, "B": False, "C": True, "D": True, "E": True, "F": False, "G": True, "H": True}
