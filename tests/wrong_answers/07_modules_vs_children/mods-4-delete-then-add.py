# Deletes the old module and adds the new one under the same name: the parent's order of children changes.
# answer: mods-4
# loses: mods-4-tests
# slip: the order: deleting and adding again moves the child to the end of its parent's children
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and isinstance(m, old_type):
            if m not in new:
                new[m] = make().train(m.training)
            parent, _, name = path.rpartition(".")
            owner = model.get_submodule(parent)
            delattr(owner, name)
            owner.add_module(name, new[m])
    return model
