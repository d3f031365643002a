# Walks every path of named_modules(remove_duplicate=False), the model's own "" too: a model of old_type crashes set_submodule.
# answer: mods-4
# loses: mods-4-tests
# shows: every-path-can-be-set
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if isinstance(m, old_type):
            if m not in new:
                new[m] = make().train(m.training)
            model.set_submodule(path, new[m])
    return model
