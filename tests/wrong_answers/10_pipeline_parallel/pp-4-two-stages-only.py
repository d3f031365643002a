# Rank 1's part received and merged, with the world taken to be two ranks: on three, the last stage's part is missing
# (and its object is never collected).
# answer: pp-4
# loses: pp-4-tests
# shows: pipeline-roles-by-rank-number
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    if rank == 1:
        dist.send_object_list([stage.state_dict()], dst=0)
    if rank == 0:
        other = [None]
        dist.recv_object_list(other, src=1)
        torch.save({**stage.state_dict(), **other[0]}, path)
    dist.barrier()
