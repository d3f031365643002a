# no_sync() around the backward alone: DDP decided at the forward that this backward all-reduces. The numbers are
# right; the count of all-reduces (one per micro-batch) is not.
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
            loss = F.mse_loss(ddp(xb), yb) / micro_batches
            if i < micro_batches - 1:
                with ddp.no_sync():
                    loss.backward()
            else:
                loss.backward()
        opt.step()
    return model
