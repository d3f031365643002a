# Drops no_sync() altogether: right numbers, an all-reduce for every micro-batch (the communication accumulation
# exists to save).
# answer: dp-3
# loses: dp-3-tests
# shows: ddp-accumulation-route-free
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    xs = dp.shard(x, rank, world_size).chunk(micro_batches)
    ys = dp.shard(y, rank, world_size).chunk(micro_batches)
    for _ in range(steps):
        opt.zero_grad()
        for xb, yb in zip(xs, ys):
            (F.mse_loss(ddp(xb), yb) / micro_batches).backward()
        opt.step()
    return model
