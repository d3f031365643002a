# Keeps the last checkpoint and cleans up, but swallows the error: the caller believes the save worked.
# answer: save-4
# loses: save-4-tests
# shows: failed-save-leftovers-harmless
def save_atomically(obj, path):
    def compact(value):
        if isinstance(value, torch.Tensor):
            return value.clone()
        if isinstance(value, dict):
            return {k: compact(v) for k, v in value.items()}
        return value

    temporary = path + ".tmp"
    try:
        torch.save(compact(obj), temporary)
        os.replace(temporary, path)
    except Exception:
        if os.path.exists(temporary):
            os.remove(temporary)
