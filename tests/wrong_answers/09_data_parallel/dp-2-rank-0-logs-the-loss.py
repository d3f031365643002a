# Averages the loss across ranks for a log line, but only on rank 0: rank 0 calls one collective more than rank 1,
# and the ranks wait for each other until the launcher's timeout kills them. A learner's deadlock costs this part
# only, within the cell's time limit.
# answer: dp-2
# loses: dp-2-tests
# shows: ddp-collective-on-one-rank
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(ddp(x), y)
        loss.backward()
        opt.step()
        if rank == 0:
            logged = loss.detach().clone()
            dist.all_reduce(logged)
            print("mean loss:", logged.item() / world_size)
    return model
