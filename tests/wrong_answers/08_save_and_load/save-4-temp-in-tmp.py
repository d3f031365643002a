# Writes to a NamedTemporaryFile in the system's temporary folder and renames it over path, with no clean-up:
# "the temporary folder is cleaned by the system". A crash leaves the half-written file there, and where /tmp
# is another file system, os.replace cannot move it at all.
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

    with tempfile.NamedTemporaryFile(suffix=".pt", delete=False) as handle:
        torch.save(compact(obj), handle)
    os.replace(handle.name, path)
