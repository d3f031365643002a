# "Every rank holds the whole model anyway": each rank runs the whole model on the whole batch itself and keeps
# its own stage's gradients. Right numbers, no pipeline: nothing is sent or received (the tests fill each rank's
# copies of the other stages with NaN, so only real communication gets the values).
# answer: pp-3
# loses: pp-3-tests
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    loss = pp.loss_fn(model(x), y)
    loss.backward()
    return pp.gradients(stage), (loss.item() if rank == world_size - 1 else None)
