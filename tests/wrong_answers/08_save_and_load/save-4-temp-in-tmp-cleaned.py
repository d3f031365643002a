# Cleans up, but makes the temporary file in the system's temporary folder (mkstemp without dir=): where /tmp
# is another file system than path's (a cluster's scratch disk, a tmpfs), os.replace cannot rename across them.
# answer: save-4
# loses: save-4-tests
# shows: temporary-file-anywhere
def save_atomically(obj, path):
    def compact(value):
        if isinstance(value, torch.Tensor):
            return value.clone()
        if isinstance(value, dict):
            return {k: compact(v) for k, v in value.items()}
        return value

    handle, temporary = tempfile.mkstemp(suffix=".pt")
    os.close(handle)
    try:
        torch.save(compact(obj), temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
