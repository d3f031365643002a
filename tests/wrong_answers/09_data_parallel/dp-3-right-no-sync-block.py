# A right answer written differently: one no_sync() block around every micro-batch but the last, then the last
# one outside it.
# answer: dp-3
# loses:
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    xs = dp.shard(x, rank, world_size).chunk(micro_batches)
    ys = dp.shard(y, rank, world_size).chunk(micro_batches)
    for _ in range(steps):
        opt.zero_grad()
        with ddp.no_sync():
            for xb, yb in zip(xs[:-1], ys[:-1]):
                (F.mse_loss(ddp(xb), yb) / micro_batches).backward()
        (F.mse_loss(ddp(xs[-1]), ys[-1]) / micro_batches).backward()
        opt.step()
    return model
