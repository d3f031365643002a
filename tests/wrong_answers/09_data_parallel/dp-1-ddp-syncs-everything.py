# Knows the unused-parameter error, but believes DDP synchronises everything it wraps, every step: a re-initialised
# model, a forward through .module, BatchNorm buffers and a no_sync() step all "same". 3 of 7 right.
# answer: dp-1
# loses:
# scores: dp-1-tests=0.8571
# shows: ddp-keeps-ranks-in-step, ddp-module-forward, ddp-batchnorm-stats, ddp-no-sync-placement
after_three_steps = {"A": "same", "B": "same", "C": "same", "D": "raises", "E": "same", "F": "same", "G": "same"}
