# Answers "fine" everywhere ("a write through detach() or .data is outside autograd, so it cannot matter"):
# a constant answer. Of three outcomes, "fine" is the truth most often, and it earns 4 of 9 items: under half.
# answer: detach-1
# loses:
# scores: detach-1-tests=0.89
# shows: data-for-detach, detach-write-unseen, detach-numpy-copies
write_outcome = {k: "fine" for k in "ABCDEFGHI"}
