# "broadcast_buffers=True keeps BatchNorm's statistics equal": but each rank updates them from its own half after
# the broadcast, in the very forward that follows it. 6 of 7 right.
# answer: dp-1
# loses:
# scores: dp-1-tests=1.7143
# shows: ddp-batchnorm-stats
after_three_steps = {"A": "same", "B": "differ", "C": "differ", "D": "raises", "E": "same", "F": "same",
                     "G": "differ"}
