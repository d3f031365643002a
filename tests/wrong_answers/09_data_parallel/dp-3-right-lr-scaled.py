# A right answer written differently: the micro-batch losses left whole and the learning rate divided by the
# number of micro-batches instead (for plain SGD the same step).
# answer: dp-3
# loses:
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr / micro_batches)
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
