# A right answer written differently: every other row (as DistributedSampler without shuffling deals them), the
# optimizer built on the model's own parameters, zero_grad on the wrapper. Each half's mean averages to the
# whole batch's mean all the same.
# answer: dp-2
# loses:
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    mine = slice(rank, None, world_size)
    for _ in range(steps):
        ddp.zero_grad()
        loss = F.mse_loss(ddp(x[mine]), y[mine])
        loss.backward()
        opt.step()
    return model
