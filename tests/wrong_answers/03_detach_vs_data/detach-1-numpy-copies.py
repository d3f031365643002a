# Right about detach() and .data, but believes numpy() copies, so a write into the array is harmless.
# answer: detach-1
# loses:
# scores: detach-1-tests=1.78
# shows: detach-numpy-copies
write_outcome = {"A": "wrong", "B": "raises", "C": "fine", "D": "raises", "E": "wrong", "F": "fine", "G": "fine",
                 "H": "fine", "I": "fine"}
