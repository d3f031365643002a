# Rank 0 trains the whole model by itself (pp.trained_whole, shown in section 5) and saves that: the right keys and
# values, but no stage's part comes from the rank that trained it (the tests fill each rank's copies of the other
# stages with NaN).
# answer: pp-4
# loses: pp-4-tests
# shows: pipeline-whole-model-anywhere
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    if rank == 0:
        torch.save(pp.trained_whole(model, x, y), path)
    dist.barrier()
