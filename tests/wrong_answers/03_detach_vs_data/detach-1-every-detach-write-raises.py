# Knows detach() shares the version counter, but forgets that only saved tensors are checked,
# and believes the NumPy array of a detach() shares it too.
# answer: detach-1
# loses:
# scores: detach-1-tests=1.11
# shows: detach-saved-tensors, data-for-detach
write_outcome = {"A": "wrong", "B": "raises", "C": "raises", "D": "raises", "E": "wrong", "F": "fine", "G": "wrong",
                 "H": "raises", "I": "raises"}
