# Believes .data (and NumPy) are the safe way to write, so only detach() writes can go wrong.
# answer: detach-1
# loses:
# scores: detach-1-tests=0.89
# shows: data-for-detach, detach-saved-tensors, detach-numpy-copies
write_outcome = {"A": "fine", "B": "raises", "C": "raises", "D": "raises", "E": "fine", "F": "fine", "G": "fine",
                 "H": "raises", "I": "fine"}
