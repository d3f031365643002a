# A right answer written differently: the rows dealt by DistributedSampler with its default shuffle. Both ranks
# draw the same permutation (same seed, epoch 0) and take disjoint halves of it, and the mean of two equal halves'
# losses is the whole batch's mean, whichever rows each half holds.
# answer: dp-2
# loses:
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    rows = list(DistributedSampler(range(len(x)), num_replicas=world_size, rank=rank))
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x[rows]), y[rows]).backward()
        opt.step()
    return model
