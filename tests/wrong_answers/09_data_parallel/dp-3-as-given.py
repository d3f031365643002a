# The broken worker handed in as it is: the synchronising backward comes first, so the later micro-batches'
# gradients stay on their rank, and the losses are not divided by the number of micro-batches.
# answer: dp-3
# loses: dp-3-tests
# shows: ddp-no-sync-placement, ddp-reductions-average
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    return broken_accumulate(rank, world_size, model, x, y, steps, micro_batches, lr)
