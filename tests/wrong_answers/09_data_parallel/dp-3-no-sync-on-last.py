# no_sync() on the last micro-batch instead of the first ones (the off-by-one): the all-reduce averages only the
# first micro-batch's gradients, and the ranks drift apart.
# answer: dp-3
# loses: dp-3-tests
# shows: ddp-no-sync-placement
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    xs = dp.shard(x, rank, world_size).chunk(micro_batches)
    ys = dp.shard(y, rank, world_size).chunk(micro_batches)
    for _ in range(steps):
        opt.zero_grad()
        for i, (xb, yb) in enumerate(zip(xs, ys)):
            if i > 0:
                with ddp.no_sync():
                    (F.mse_loss(ddp(xb), yb) / micro_batches).backward()
            else:
                (F.mse_loss(ddp(xb), yb) / micro_batches).backward()
        opt.step()
    return model
