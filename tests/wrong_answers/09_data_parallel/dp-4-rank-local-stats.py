# Rank 0 saves its own BatchNorm statistics: those of rank 0's halves only.
# answer: dp-4
# loses: dp-4-tests
# shows: ddp-batchnorm-stats
def checkpoint(rank, world_size, model, x, y, steps, lr, path):
    ddp = DDP(model, broadcast_buffers=False)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    if rank == 0:
        torch.save(model.state_dict(), path)
    dist.barrier()
