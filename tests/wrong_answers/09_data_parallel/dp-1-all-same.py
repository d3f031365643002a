# "DDP keeps the ranks in step, whatever happens": every snippet answered "same". Only A and E are, so a
# constant answer earns 2 of the 7 items.
# answer: dp-1
# loses:
# scores: dp-1-tests=0.5714
# shows: ddp-keeps-ranks-in-step, ddp-module-forward, ddp-unused-parameters, ddp-batchnorm-stats, ddp-no-sync-placement
after_three_steps = {"A": "same", "B": "same", "C": "same", "D": "same", "E": "same", "F": "same", "G": "same"}
