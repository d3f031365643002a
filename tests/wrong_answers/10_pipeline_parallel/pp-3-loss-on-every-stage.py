# "Every stage reports its loss": stage 0 also compares its own output with the targets (it has them, and with equal
# widths the shapes fit) and returns that number. Only the last stage's output is the model's.
# answer: pp-3
# loses: pp-3-tests
# shows: pipeline-loss-on-every-stage
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    first, last = rank == 0, rank == world_size - 1
    inputs = x
    if not first:
        inputs = pp.stage_input(stage, len(x))
        dist.recv(inputs, rank - 1)
        inputs.requires_grad_()
    out = stage(inputs)
    loss = pp.loss_fn(out, y) if out.shape == y.shape else None
    if last:
        loss.backward()
    else:
        dist.send(out.detach(), rank + 1)
        grad = torch.empty_like(out)
        dist.recv(grad, rank + 1)
        out.backward(grad)
    if not first:
        dist.send(inputs.grad, rank - 1)
    return pp.gradients(stage), None if loss is None else loss.item()
