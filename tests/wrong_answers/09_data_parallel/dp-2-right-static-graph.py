# A right answer written differently: DDP told the graph is static, and both ranks all-reduce the loss for a log
# line (a collective every rank calls: no deadlock, and not a gradient all-reduce).
# answer: dp-2
# loses:
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model, static_graph=True)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for step in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(ddp(x), y)
        loss.backward()
        opt.step()
        logged = loss.detach().clone()
        dist.all_reduce(logged)
        if rank == 0:
            print(f"step {step}: mean loss {logged.item() / world_size:.4f}")
    return model
