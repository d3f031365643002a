# A right answer written differently: non-blocking isend/irecv, each waited for, and the send of the activation
# without detach() (a send reads the values only).
# answer: pp-3
# loses:
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    if rank > 0:
        inputs = pp.stage_input(stage, len(x))
        dist.irecv(inputs, rank - 1).wait()
        inputs.requires_grad_(True)
    else:
        inputs = x
    out = stage(inputs)
    loss = None
    if rank < world_size - 1:
        sent = dist.isend(out, rank + 1)
        grad = torch.zeros_like(out)
        dist.irecv(grad, rank + 1).wait()
        sent.wait()
        torch.autograd.backward(out, grad)
    else:
        loss = pp.loss_fn(out, y)
        loss.backward()
    if rank > 0:
        dist.isend(inputs.grad, rank - 1).wait()
    return pp.gradients(stage), loss.item() if loss is not None else None
