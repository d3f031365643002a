# A right answer written differently: the statistics summed onto rank 0 alone with dist.reduce (every rank calls
# it), divided there, and saved from there.
# answer: dp-4
# loses:
def checkpoint(rank, world_size, model, x, y, steps, lr, path):
    ddp = DDP(model, broadcast_buffers=False)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    state = model.state_dict()
    for key, value in state.items():
        if value.is_floating_point() and "running" in key:
            dist.reduce(value, dst=0)
    if rank == 0:
        for key, value in state.items():
            if "running" in key:
                value /= world_size
        torch.save(state, path)
    dist.barrier()
