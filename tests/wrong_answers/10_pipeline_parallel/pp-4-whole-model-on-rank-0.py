# Rank 0 saves the whole model it was given: every key is there, but only its own stage trained there; the other
# blocks are rank 0's untrained copies.
# answer: pp-4
# loses: pp-4-tests
# shows: pipeline-stage-holds-all
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    if rank == 0:
        torch.save(model.state_dict(), path)
    dist.barrier()
