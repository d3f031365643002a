# A right answer written the way PyTorch's DDP tutorial ends its workers: dist.destroy_process_group() once the
# training is done ("cleanup()"). The launcher started the group, but nothing in the exercise says not to end it.
# answer: dp-2
# loses:
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    dist.destroy_process_group()
    return model
