# Replaces only the model's direct children: the encoder's ReLUs stay.
# answer: mods-4
# loses: mods-4-tests
# shows: children-walks-the-tree
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    for name, child in model.named_children():
        if isinstance(child, old_type):
            setattr(model, name, make().train(child.training))
    return model
