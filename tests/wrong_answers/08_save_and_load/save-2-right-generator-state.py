# A right answer through the default generator's own get_state/set_state, the old map_location idiom (a
# function that keeps each storage on the CPU, where it was read), and one dict per object.
# answer: save-2
# loses:
def save_checkpoint(path, model, optimizer, scheduler, epoch):
    state = {"epoch": int(epoch), "generator": torch.default_generator.get_state()}
    state.update(model=model.state_dict(), optimizer=optimizer.state_dict(), scheduler=scheduler.state_dict())
    torch.save(state, path)


def resume(path, model, optimizer, scheduler):
    state = torch.load(path, map_location=lambda storage, location: storage, weights_only=True)
    for name, thing in (("model", model), ("optimizer", optimizer), ("scheduler", scheduler)):
        thing.load_state_dict(state[name])
    torch.default_generator.set_state(state["generator"])
    return state["epoch"]
