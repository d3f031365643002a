# Cleans up in `except Exception:`: Ctrl-C raises KeyboardInterrupt, which is no Exception, and leaves the
# temporary file behind.
# answer: save-4
# loses: save-4-tests
# shows: ctrl-c-is-an-exception
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
    except Exception:
        os.remove(temporary)
        raise
    os.replace(temporary, path)
