# Every rank trains on the whole batch: the right parameters (the average of two equal gradients), by the wrong
# route — twice the work, and no data parallelism at all. Caught by the rows the model saw.
# answer: dp-2
# loses: dp-2-tests
# shows: ddp-splits-the-batch
def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    return model
