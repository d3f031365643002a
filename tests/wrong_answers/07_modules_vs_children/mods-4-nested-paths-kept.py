# Collects every path first and sets each one, even a path under a module it has just replaced: there
# set_submodule (strict=False) adds a child to the new module.
# answer: mods-4
# loses: mods-4-tests
# shows: every-path-can-be-set
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and isinstance(m, old_type):
            if m not in new:
                new[m] = make().train(m.training)
            model.set_submodule(path, new[m])
    return model
