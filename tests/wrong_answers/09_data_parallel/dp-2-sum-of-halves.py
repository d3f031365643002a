# Thinks DDP sums the gradients, so it halves the learning rate "to compensate": DDP averages them already.
# answer: dp-2
# loses: dp-2-tests
# shows: ddp-sums-gradients
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr / world_size)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    return model
