# A right answer written differently: rank 0 loads every gathered part into its own copy of the whole model
# (strict=False, one part at a time) and saves that model's state_dict.
# answer: pp-4
# loses:
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    parts = [None] * world_size if rank == 0 else None
    dist.gather_object(stage.state_dict(), parts, dst=0)
    if rank == 0:
        for part in parts:
            model.load_state_dict(part, strict=False)
        torch.save(model.state_dict(), path)
    dist.barrier()
