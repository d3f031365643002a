# "Rank 0 saves": its stage's state_dict, which holds rank 0's blocks only.
# answer: pp-4
# loses: pp-4-tests
# shows: pipeline-stage-holds-all
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    if rank == 0:
        torch.save(stage.state_dict(), path)
    dist.barrier()
