# Treats detach() and .data as the same thing: both silently wrong.
# answer: detach-1
# loses:
# scores: detach-1-tests=0.89
# shows: detach-write-unseen, detach-saved-tensors
write_outcome = {"A": "wrong", "B": "wrong", "C": "wrong", "D": "wrong", "E": "wrong", "F": "fine", "G": "wrong",
                 "H": "wrong", "I": "wrong"}
