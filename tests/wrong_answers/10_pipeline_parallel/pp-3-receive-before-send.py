# Each earlier stage posts the receive of its gradient before it sends its activation: stage 1 waits for the
# activation, stage 0 for the gradient, and the run hangs until the timeout.
# answer: pp-3
# loses: pp-3-tests
# shows: pipeline-recv-order
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
        grad = torch.empty_like(out)
        dist.recv(grad, rank + 1)
        dist.send(out.detach(), rank + 1)
        out.backward(grad)
    if not first:
        dist.send(inputs.grad, rank - 1)
    return pp.gradients(stage), None if loss is None else loss.item()
