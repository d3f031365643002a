# A right answer with torch.save imported by name (from torch import save): still one save, on rank 0.
# answer: pp-4
# loses:
from torch import save


def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    parts = [None] * world_size if rank == 0 else None
    dist.gather_object(stage.state_dict(), parts, dst=0)
    if rank == 0:
        checkpoint = {}
        for part in parts:
            checkpoint |= part
        save(checkpoint, path)
    dist.barrier()
