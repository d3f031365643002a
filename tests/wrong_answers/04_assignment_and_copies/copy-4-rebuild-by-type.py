# Rebuilds each copy with type(model)() and loads the weights: fails for a model whose constructor needs arguments.
# answer: copy-4
# loses: copy-4-tests
# shows: copy-rebuild-from-state-dict
def independent_copies(model, n):
    copies = []
    for _ in range(n):
        fresh = type(model)()
        fresh.load_state_dict(model.state_dict())
        copies.append(fresh)
    return copies
