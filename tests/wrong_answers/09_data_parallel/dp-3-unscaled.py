# no_sync() in the right places, but each micro-batch's loss is not divided by the number of micro-batches: the
# step is micro_batches times too large.
# answer: dp-3
# loses: dp-3-tests
# shows: ddp-reductions-average
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    xs = dp.shard(x, rank, world_size).chunk(micro_batches)
    ys = dp.shard(y, rank, world_size).chunk(micro_batches)
    for _ in range(steps):
        opt.zero_grad()
        for i, (xb, yb) in enumerate(zip(xs, ys)):
            if i < micro_batches - 1:
                with ddp.no_sync():
                    F.mse_loss(ddp(xb), yb).backward()
            else:
                F.mse_loss(ddp(xb), yb).backward()
        opt.step()
    return model
