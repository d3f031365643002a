# Believes retain_graph=True keeps every batch's graph, though each loss is rebound and its graph dropped.
# answer: mem-1
# loses:
# scores: mem-1-tests=1.78
# shows: retain-graph-keeps-all
held_after = {
    "A": 3,
    "B": 0,
    "C": 1,
    "D": 0,
    "E": 3,
    "F": 3,
    "G": 1,
    "H": 0,
    "I": 3,
}
