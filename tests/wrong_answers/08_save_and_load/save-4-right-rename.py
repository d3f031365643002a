# A right answer with os.rename (which replaces the target on POSIX) and detach().clone() of every tensor.
# answer: save-4
# loses:
def compacted(value):
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, dict):
        return {key: compacted(item) for key, item in value.items()}
    return value


def save_atomically(obj, path):
    partial = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".partial")
    try:
        torch.save(compacted(obj), partial)
        os.rename(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
