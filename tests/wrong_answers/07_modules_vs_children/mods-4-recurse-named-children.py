# Recurses through named_children(): a module held twice by one parent is met once, its second place missed.
# answer: mods-4
# loses: mods-4-tests
# shows: iterators-yield-every-path
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}

    def visit(parent):
        for name, child in parent.named_children():
            if isinstance(child, old_type):
                if child not in new:
                    new[child] = make().train(child.training)
                setattr(parent, name, new[child])
            else:
                visit(child)

    visit(model)
    return model
