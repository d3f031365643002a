# Activations held answered as fractions of the batch (a stage holding 4 of 4 micro-batches holds "1.0" of it), and G
# as the bubble itself: the numbers of micro-batches asked for are ints, so the answer is malformed and earns nothing.
# answer: pp-1
# loses: pp-1-tests
# slip: the form: fractions of the batch where the question asks for counts of micro-batches
held = {"A": 1.0, "B": 0.5, "C": 0.25, "D": 0.5, "E": 1.0, "F": 0.125, "G": 0.2, "H": 0.33}
