# The lesson's section 5 copied: every rank saves its stage to stage-<rank>.pt, then rank 0 reads them all back and
# saves the merged checkpoint. Every rank writes a file (and rank 0 two), and the part files are left behind.
# answer: pp-4
# loses: pp-4-tests
# shows: pipeline-checkpoint-uncoordinated
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    torch.save(stage.state_dict(), f"stage-{rank}.pt")
    dist.barrier()
    if rank == 0:
        merged = {}
        for r in range(world_size):
            merged.update(torch.load(f"stage-{r}.pt"))
        torch.save(merged, path)
    dist.barrier()
