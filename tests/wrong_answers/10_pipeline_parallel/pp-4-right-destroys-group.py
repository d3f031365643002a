# A right answer that ends the process group itself after the barrier, as PyTorch's tutorials' cleanup() does.
# answer: pp-4
# loses:
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    parts = [None] * world_size
    dist.all_gather_object(parts, stage.state_dict())
    if rank == 0:
        torch.save({k: v for part in parts for k, v in part.items()}, path)
    dist.barrier()
    dist.destroy_process_group()
