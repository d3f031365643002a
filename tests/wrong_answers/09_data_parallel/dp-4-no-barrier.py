# Rank 0 saves, but no dist.barrier() after it: rank 1 returns (and would go on to read the checkpoint) while rank 0
# may still be writing it. The file is complete only because the launcher waits for both ranks.
# answer: dp-4
# loses: dp-4-tests
# shows: ddp-checkpoint-uncoordinated
def checkpoint(rank, world_size, model, x, y, steps, lr, path):
    ddp = DDP(model, broadcast_buffers=False)
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
