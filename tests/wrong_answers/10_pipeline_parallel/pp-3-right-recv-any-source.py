# A right answer written differently: receives from any source (dist.recv without src). In the naive order only one
# neighbour ever sends to a stage at a time (the activation first, the gradient after), so each receive gets the
# right message; the stage roles are read from the rank, the loss returned with float().
# answer: pp-3
# loses:
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    if rank == 0:
        inputs = x
    else:
        inputs = pp.stage_input(stage, x.shape[0])
        dist.recv(inputs)
        inputs.requires_grad = True
    out = stage(inputs)
    if rank == world_size - 1:
        loss = pp.loss_fn(out, y)
        loss.backward()
        value = float(loss)
    else:
        dist.send(out.detach().contiguous(), dst=rank + 1)
        grad = torch.zeros(out.shape)
        dist.recv(grad)
        out.backward(gradient=grad)
        value = None
    if rank != 0:
        dist.send(inputs.grad, dst=rank - 1)
    return pp.gradients(stage), value
