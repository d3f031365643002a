# Every rank writes the same file: two writers racing on one path.
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
    torch.save(model.state_dict(), path)
    dist.barrier()
