# A right answer with a uniquely named temporary file from tempfile.mkstemp in path's folder, and clones
# only of the tensors whose storage is bigger than they are.
# answer: save-4
# loses:
def save_atomically(obj, path):
    def compact(value):
        if isinstance(value, torch.Tensor):
            whole = value.untyped_storage().nbytes() > value.numel() * value.element_size()
            return value.clone() if whole else value
        if isinstance(value, dict):
            return {k: compact(v) for k, v in value.items()}
        return value

    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    os.close(handle)
    try:
        torch.save(compact(obj), temporary)
        os.replace(temporary, path)
    except BaseException:
        os.remove(temporary)
        raise
