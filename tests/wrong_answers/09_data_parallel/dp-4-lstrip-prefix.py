# Saves the wrapper's state_dict and strips the prefix with str.lstrip("module."), which strips any of those
# characters, not the word: right for this Sequential's numbered keys, wrong for a layer called "encoder" or "out".
# answer: dp-4
# loses: dp-4-tests
# shows: ddp-lstrip-prefix
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
        torch.save({key.lstrip("module."): value for key, value in ddp.state_dict().items()}, path)
    dist.barrier()
