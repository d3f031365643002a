# "Accumulating micro-batches only adds up to the whole half's gradient": so one forward and one backward on the
# whole half per step. The same numbers and one all-reduce per step, but no accumulation at all: the memory the
# micro-batches were there to save is spent.
# answer: dp-3
# loses: dp-3-tests
# shows: ddp-accumulation-route-free
def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    return model
