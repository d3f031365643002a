# Answers "do the ranks stay the same?" with True and False, the right idea for most snippets, but not one of the
# three outcomes asked for (and an error is neither): every item is refused, with the choices named.
# answer: dp-1
# loses: dp-1-tests
# slip: the form: True/False where the question asks for one of the given outcomes
after_three_steps = {"A": True, "B": False, "C": False, "D": False, "E": True, "F": False, "G": False}
