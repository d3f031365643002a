# The missing requires_grad_() found, but the shape of the code kept: "rank 0 sends, every other rank computes the
# loss". Right on two stages; with three, the middle stage computes a loss against targets that do not fit it.
# answer: pp-3
# loses: pp-3-tests
# shows: pipeline-roles-by-rank-number
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    if rank == 0:
        inputs = x
    else:
        inputs = pp.stage_input(stage, len(x))
        dist.recv(inputs, rank - 1)
        inputs.requires_grad_()
    out = stage(inputs)
    if rank == 0:
        dist.send(out.detach(), rank + 1)
        grad = torch.empty_like(out)
        dist.recv(grad, rank + 1)
        out.backward(grad)
        return pp.gradients(stage), None
    loss = pp.loss_fn(out, y)
    loss.backward()
    dist.send(inputs.grad, rank - 1)
    return pp.gradients(stage), loss.item()
