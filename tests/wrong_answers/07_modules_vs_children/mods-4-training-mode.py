# Replaces everything right, but the new modules start in training mode in an eval model.
# answer: mods-4
# loses: mods-4-tests
# shows: mode-follows-the-parent
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and isinstance(m, old_type):
            if m not in new:
                new[m] = make()
            model.set_submodule(path, new[m])
    return model
