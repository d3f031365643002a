# Wraps the model, then calls the inner module for the forward: no gradient is ever all-reduced, each rank follows
# its own half.
# answer: dp-2
# loses: dp-2-tests
# shows: ddp-module-forward
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp.module(x), y).backward()
        opt.step()
    return model
