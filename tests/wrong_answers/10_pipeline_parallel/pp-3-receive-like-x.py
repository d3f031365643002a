# The receive buffer made like the input batch (torch.empty_like(x)): right while every block is as wide as the
# model's input, as in the visible model; with other widths the receive does not fit what was sent.
# answer: pp-3
# loses: pp-3-tests
# shows: pipeline-recv-buffer-shape
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    first, last = rank == 0, rank == world_size - 1
    inputs = x
    if not first:
        inputs = torch.empty_like(x)
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
    return pp.gradients(stage), None if loss is None else loss.item()
