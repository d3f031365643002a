# Keeps DDP's default broadcast_buffers=True and averages afterwards: each forward overwrote both ranks' statistics
# with rank 0's, so the average is not the average of the ranks' own statistics.
# answer: dp-4
# loses: dp-4-tests
# shows: ddp-batchnorm-stats
def checkpoint(rank, world_size, model, x, y, steps, lr, path):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    for buffer in model.buffers():
        if buffer.is_floating_point():
            dist.all_reduce(buffer)
            buffer /= world_size
    if rank == 0:
        torch.save(model.state_dict(), path)
    dist.barrier()
