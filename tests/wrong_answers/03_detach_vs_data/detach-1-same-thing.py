# Treats detach() and .data as the same thing: both silently wrong.
# answer: detach-1
# loses: detach-1-tests
write_outcome = {"A": "wrong", "B": "wrong", "C": "wrong", "D": "wrong", "E": "wrong", "F": "fine", "G": "wrong", "H": "wrong"}
