# A right answer that ends the way PyTorch's distributed tutorials do, with dist.destroy_process_group() (their
# cleanup()): the launcher started the group, and must cope with a worker that ends it.
# answer: pp-3
# loses:
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    first, last = rank == 0, rank == world_size - 1
    inputs = x
    if not first:
        inputs = pp.stage_input(stage, len(x))
        dist.recv(inputs, rank - 1)
        inputs.requires_grad_()
    out = stage(inputs)
    loss = None
    if last:
        loss = pp.loss_fn(out, y)
        loss.backward()
    else:
        dist.send(out.detach(), rank + 1)
        grad = torch.empty_like(out)
        dist.recv(grad, rank + 1)
        out.backward(grad)
    if not first:
        dist.send(inputs.grad, rank - 1)
    dist.barrier()
    dist.destroy_process_group()
    return pp.gradients(stage), None if loss is None else loss.item()
