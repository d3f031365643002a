# The parts gathered and saved by rank 0, but no barrier: the other ranks return while rank 0 may still be writing.
# answer: pp-4
# loses: pp-4-tests
# shows: pipeline-checkpoint-uncoordinated
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    parts = [None] * world_size if rank == 0 else None
    dist.gather_object(stage.state_dict(), parts, dst=0)
    if rank == 0:
        merged = {}
        for part in parts:
            merged.update(part)
        torch.save(merged, path)
