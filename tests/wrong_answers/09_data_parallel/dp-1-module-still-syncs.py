# "ddp.module is the same model, so its backward is synchronised too": the forward around the wrapper never
# prepares DDP's reduction. 6 of 7 right.
# answer: dp-1
# loses:
# scores: dp-1-tests=1.7143
# shows: ddp-module-forward
after_three_steps = {"A": "same", "B": "differ", "C": "same", "D": "raises", "E": "same", "F": "differ",
                     "G": "differ"}
