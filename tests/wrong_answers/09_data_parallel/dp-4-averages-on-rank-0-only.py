# "Only rank 0 saves, so only rank 0 needs the average": the all-reduce inside `if rank == 0`. Rank 1 never joins
# it; the ranks wait on each other until the launcher's timeout. A deadlock costs this part only.
# answer: dp-4
# loses: dp-4-tests
# shows: ddp-collective-on-one-rank
def checkpoint(rank, world_size, model, x, y, steps, lr, path):
    ddp = DDP(model, broadcast_buffers=False)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    if rank == 0:
        for buffer in model.buffers():
            if buffer.is_floating_point():
                dist.all_reduce(buffer)
                buffer /= world_size
        torch.save(model.state_dict(), path)
    dist.barrier()
