# Returns the DDP wrapper instead of the model it was given: a checkpoint of it carries the module. prefix.
# answer: dp-2
# loses: dp-2-tests
# shows: ddp-wrapper-is-model
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    return ddp
