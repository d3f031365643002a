# "ddp.module skips the synchronisation, and that is what the first micro-batches need": their forwards go
# around the wrapper instead of inside no_sync(). One all-reduce and the right numbers on this model, by the route
# the lesson warns against (a forward that skips DDP's own: no buffer broadcast, no unused-parameter search).
# answer: dp-3
# loses: dp-3-tests
# shows: ddp-module-forward
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    xs = dp.shard(x, rank, world_size).chunk(micro_batches)
    ys = dp.shard(y, rank, world_size).chunk(micro_batches)
    for _ in range(steps):
        opt.zero_grad()
        for i, (xb, yb) in enumerate(zip(xs, ys)):
            forward = ddp if i == micro_batches - 1 else ddp.module
            (F.mse_loss(forward(xb), yb) / micro_batches).backward()
        opt.step()
    return model
