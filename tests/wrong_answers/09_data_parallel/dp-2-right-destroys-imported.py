# A right answer that ends the group by a name imported in the notebook, bound before the launcher's fork:
# `from torch.distributed import destroy_process_group` (it once escaped the launcher's guard and failed the rank).
# answer: dp-2
# loses:
from torch.distributed import destroy_process_group


def train(rank, world_size, model, x, y, steps, lr):
    ddp = DDP(model)
    x, y = dp.shard(x, rank, world_size), dp.shard(y, rank, world_size)
    opt = torch.optim.SGD(ddp.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x), y).backward()
        opt.step()
    destroy_process_group()
    return model
