# Averages every entry of the state_dict, num_batches_tracked included: the counter comes out a float tensor, the
# parameters unchanged (they were equal already).
# answer: dp-4
# loses: dp-4-tests
# shows: ddp-average-every-buffer
def checkpoint(rank, world_size, model, x, y, steps, lr, path):
    ddp = DDP(model, broadcast_buffers=False)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    state = {}
    for key, value in model.state_dict().items():
        total = value.clone()
        dist.all_reduce(total)
        state[key] = total / world_size
    if rank == 0:
        torch.save(state, path)
    dist.barrier()
