# Forgets zero_grad: DDP all-reduces what backward accumulates, so the gradients of earlier steps pile up.
# answer: dp-2
# loses: dp-2-tests
# shows: ddp-grad-per-backward
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    return model
