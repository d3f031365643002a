# A right answer written differently: the ranks' statistics gathered and averaged with torch.stack, the checkpoint
# taken from the wrapper with its prefix removed by PyTorch's helper.
# answer: dp-4
# loses:
def checkpoint(rank, world_size, model, x, y, steps, lr, path):
    ddp = DDP(model, broadcast_buffers=False)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.mse_loss(ddp(x.chunk(world_size)[rank]), y.chunk(world_size)[rank]).backward()
        opt.step()
    with torch.no_grad():
        for buffer in model.buffers():
            if buffer.is_floating_point():
                every = [torch.empty_like(buffer) for _ in range(world_size)]
                dist.all_gather(every, buffer)
                buffer.copy_(torch.stack(every).mean(0))
    state = dict(ddp.state_dict())
    torch.nn.modules.utils.consume_prefix_in_state_dict_if_present(state, "module.")
    if rank == 0:
        torch.save(state, path)
    dist.barrier()
