# Gives each new module its parent's mode, not the mode of the module it replaces.
# answer: mods-4
# loses: mods-4-tests
# shows: mode-follows-the-parent
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}

    def visit(parent):
        for name, child in list(parent._modules.items()):
            if isinstance(child, old_type):
                if child not in new:
                    new[child] = make().train(parent.training)
                setattr(parent, name, new[child])
            elif child is not None:
                visit(child)

    visit(model)
    return model
