# Replaces at every path, but with a new module at each: what was shared is no longer shared.
# answer: mods-4
# loses: mods-4-tests
# shows: fresh-module-per-place
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and isinstance(m, old_type):
            model.set_submodule(path, make().train(m.training))
    return model
