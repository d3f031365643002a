# A right answer written differently: every rank gathers every part (all_gather_object); rank 0 alone writes them.
# answer: pp-4
# loses:
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    parts = [None] * world_size
    dist.all_gather_object(parts, stage.state_dict())
    checkpoint = OrderedDict()
    for part in parts:
        checkpoint.update(part)
    if rank == 0:
        torch.save(checkpoint, path)
    dist.barrier()
