# Tests type(m) is old_type: a subclass of old_type (MultiheadAttention's out_proj for nn.Linear) is not replaced.
# answer: mods-4
# loses: mods-4-tests
# shows: layer-kind-by-look
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {}
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and type(m) is old_type:
            if m not in new:
                new[m] = make().train(m.training)
            model.set_submodule(path, new[m])
    return model
