# Right: every path, its parent found with get_submodule, the new module set with setattr.
# answer: mods-4
# loses:
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and isinstance(m, old_type):
            if m not in new:
                new[m] = make()
                new[m].train(m.training)
            parent, _, name = path.rpartition(".")
            setattr(model.get_submodule(parent), name, new[m])
    return model
