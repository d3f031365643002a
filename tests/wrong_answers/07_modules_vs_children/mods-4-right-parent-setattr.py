# Right: every path outside a replaced module, its parent found with get_submodule, the new module set with setattr.
# answer: mods-4
# loses:
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new, replaced = {}, []
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and isinstance(m, old_type) and not any(path.startswith(p + ".") for p in replaced):
            if m not in new:
                new[m] = make()
                new[m].train(m.training)
            parent, _, name = path.rpartition(".")
            setattr(model.get_submodule(parent), name, new[m])
            replaced.append(path)
    return model
