# Believes .data is the safe way to write, so only detach() writes can go wrong.
# answer: detach-1
# loses: detach-1-tests
write_outcome = {"A": "fine", "B": "raises", "C": "raises", "D": "raises", "E": "fine", "F": "fine", "G": "fine", "H": "raises"}
