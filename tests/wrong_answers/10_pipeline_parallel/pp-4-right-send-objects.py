# A right answer written differently: each other rank sends its part to rank 0 with send_object_list, rank 0
# receives them in turn and saves one dict.
# answer: pp-4
# loses:
def save_pipelined(rank, world_size, model, bounds, x, y, path):
    stage = pp.train_stage(rank, world_size, pp.stage_module(model, bounds, rank), x, y)
    if rank == 0:
        state = dict(stage.state_dict())
        for other in range(1, world_size):
            received = [None]
            dist.recv_object_list(received, src=other)
            state.update(received[0])
        torch.save(state, path)
    else:
        dist.send_object_list([stage.state_dict()], dst=0)
    dist.barrier()
