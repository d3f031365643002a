# Accumulates the losses instead of the gradients: a forward per micro-batch, their mean, one backward. One
# all-reduce and the right numbers, but every micro-batch's graph is alive at once (what accumulation avoids).
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
        loss = sum(F.mse_loss(ddp(xb), yb) for xb, yb in zip(xs, ys)) / micro_batches
        loss.backward()
        opt.step()
    return model
