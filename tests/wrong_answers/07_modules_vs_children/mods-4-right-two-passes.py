# Right: one new module per distinct old one from named_modules(), then every path from remove_duplicate=False
# that still exists (a path under a replaced module is gone with it), set with strict=True.
# answer: mods-4
# loses:
def swap_modules(model, old_type, make):
    """Replaces every old_type module under model, at every path, by one make() each; returns the model."""
    new = {id(m): make().train(m.training) for path, m in model.named_modules() if path and isinstance(m, old_type)}
    replaced = []
    for path, m in list(model.named_modules(remove_duplicate=False)):
        if path and id(m) in new and not any(path.startswith(p + ".") for p in replaced):
            model.set_submodule(path, new[id(m)], strict=True)
            replaced.append(path)
    return model
