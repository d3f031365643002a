# A right answer written differently: one context chosen per micro-batch (contextlib.nullcontext on the last).
# answer: dp-3
# loses:
import contextlib


def accumulate(rank, world_size, model, x, y, steps, micro_batches, lr):
    ddp = DDP(model)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    mine_x, mine_y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    for _ in range(steps):
        opt.zero_grad()
        for i, (xb, yb) in enumerate(zip(mine_x.chunk(micro_batches), mine_y.chunk(micro_batches))):
            last = i == micro_batches - 1
            with contextlib.nullcontext() if last else ddp.no_sync():
                loss = F.mse_loss(ddp(xb), yb) / micro_batches
                loss.backward()
        opt.step()
    return model
