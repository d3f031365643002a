# Every rank saves its own stage to the one path: two writers, and the file holds whichever part came last.
# answer: pp-4
# loses: pp-4-tests
# shows: pipeline-checkpoint-uncoordinated
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    torch.save(stage.state_dict(), path)
    dist.barrier()
