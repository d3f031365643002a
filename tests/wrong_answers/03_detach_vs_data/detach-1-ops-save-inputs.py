# Believes every op saves its inputs and never its output: sigmoid's own output looks safe to overwrite,
# its input and the input of h * 3 do not.
# answer: detach-1
# loses:
# scores: detach-1-tests=0.89
# shows: detach-saved-tensors
write_outcome = {"A": "fine", "B": "fine", "C": "fine", "D": "raises", "E": "wrong", "F": "fine", "G": "wrong",
                 "H": "raises", "I": "fine"}
