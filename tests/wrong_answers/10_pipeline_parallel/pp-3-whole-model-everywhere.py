# "Every rank has the whole model and the batch, so each can just run it": every rank runs all the blocks on x,
# computes the loss and its backward, and returns its stage's gradients. No activation or gradient ever travels:
# the numbers are one process's, the pipeline is gone, and every rank holds the whole model's activations.
# answer: pp-3
# loses: pp-3-tests
# shows: pipeline-whole-model-anywhere
def naive_step(rank, world_size, model, bounds, x, y):
    stage = pp.stage_module(model, bounds, rank)
    loss = pp.loss_fn(model(x), y)
    loss.backward()
    return pp.gradients(stage), loss.item() if rank == world_size - 1 else None
