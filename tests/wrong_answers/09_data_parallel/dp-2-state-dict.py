# Returns the trained state_dict rather than the model.
# answer: dp-2
# loses: dp-2-tests
# slip: the task: returns the trained state_dict where the task asks for the model
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    return model.state_dict()
