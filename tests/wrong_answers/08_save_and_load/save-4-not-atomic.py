# Compact, but saves straight over path: torch.save empties the file first, so a crash mid-save leaves a
# broken file where the last good checkpoint was.
# answer: save-4
# loses: save-4-tests
# shows: save-over-path-is-safe
def save_atomically(obj, path):
    def compact(value):
        if isinstance(value, torch.Tensor):
            return value.clone()
        if isinstance(value, dict):
            return {k: compact(v) for k, v in value.items()}
        return value

    torch.save(compact(obj), path)
