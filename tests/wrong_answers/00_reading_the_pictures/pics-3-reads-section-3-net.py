# Reads the answer off a model a locked cell built (section 3's Net) instead of predicting: the model
# asked about is another one, shown only as code, so not one key is right.
# answer: pics-3
# loses: pics-3-tests
# slip: the method: reads the answer off an earlier cell's objects instead of predicting
state_dict_keys = set(Net().state_dict())
