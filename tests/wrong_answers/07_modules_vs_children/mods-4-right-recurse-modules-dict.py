# Right: recurses through each parent's _modules dict, which keeps every name, with one new module per old one.
# answer: mods-4
# loses:
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}

    def visit(parent):
        for name, child in parent._modules.items():
            if isinstance(child, old_type):
                if child not in new:
                    new[child] = make().train(child.training)
                parent._modules[name] = new[child]
            elif child is not None:
                visit(child)

    visit(model)
    return model
