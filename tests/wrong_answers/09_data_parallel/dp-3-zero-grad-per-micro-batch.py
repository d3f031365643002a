# zero_grad inside the micro-batch loop: only the last micro-batch's gradient is left for the step.
# answer: dp-3
# loses: dp-3-tests
# shows: ddp-grad-per-backward
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    xs = dp.shard(x, rank, world_size).chunk(micro_batches)
    ys = dp.shard(y, rank, world_size).chunk(micro_batches)
    for _ in range(steps):
        for i, (xb, yb) in enumerate(zip(xs, ys)):
            opt.zero_grad()
            if i < micro_batches - 1:
                with ddp.no_sync():
                    (F.mse_loss(ddp(xb), yb) / micro_batches).backward()
            else:
                (F.mse_loss(ddp(xb), yb) / micro_batches).backward()
        opt.step()
    return model
