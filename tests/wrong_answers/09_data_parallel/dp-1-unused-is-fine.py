# "A parameter without a gradient is simply not updated": DDP waits for its gradient and raises at the next step;
# and "find_unused_parameters changes nothing" either way. 5 of 7 right.
# answer: dp-1
# loses:
# scores: dp-1-tests=1.4286
# shows: ddp-unused-parameters
after_three_steps = {"A": "same", "B": "differ", "C": "differ", "D": "same", "E": "raises", "F": "differ",
                     "G": "differ"}
