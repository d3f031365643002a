# Walks named_modules(): a shared module is yielded once, so only its first path is replaced.
# answer: mods-4
# loses: mods-4-tests
# shows: iterators-yield-every-path
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    for path, m in list(model.named_modules()):
        if path and isinstance(m, old_type):
            model.set_submodule(path, make().train(m.training))
    return model
