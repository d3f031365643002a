# Knows detach() shares the version counter, but forgets that only saved tensors are checked.
# answer: detach-1
# loses: detach-1-tests
write_outcome = {"A": "wrong", "B": "raises", "C": "raises", "D": "raises", "E": "wrong", "F": "fine", "G": "wrong", "H": "raises"}
