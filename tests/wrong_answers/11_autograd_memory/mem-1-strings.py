# Answers with the numbers written as strings.
# answer: mem-1
# loses: mem-1-tests
# slip: the form: predictions written as strings, not numbers
held_after = {
    "A": "3",
    "B": "0",
    "C": "1",
    "D": "0",
    "E": "1",
    "F": "3",
    "G": "1",
    "H": "0",
    "I": "3",
}
