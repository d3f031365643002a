# The earlier stages start their backward from out.sum() (a gradient of ones) instead of the gradient the next stage
# sends back: it runs, and every gradient before the last stage is wrong.
# answer: pp-3
# loses: pp-3-tests
# shows: pipeline-backward-from-own-output
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
        out.sum().backward()
        dist.recv(torch.empty_like(out), rank + 1)
    if not first:
        dist.send(inputs.grad, rank - 1)
    return pp.gradients(stage), None if loss is None else loss.item()
