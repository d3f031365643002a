# A right answer that first pickles the compacted checkpoint into memory (so a failed pickle touches no file),
# then saves it to a hidden file in path's folder and renames that over path; .contiguous().clone() compacts.
# answer: save-4
# loses:
import io


def save_atomically(obj, path):
    def compact(value):
        if isinstance(value, torch.Tensor):
            return value.contiguous().clone()
        if isinstance(value, dict):
            return {k: compact(v) for k, v in value.items()}
        return value

    checkpoint = compact(obj)
    torch.save(checkpoint, io.BytesIO())
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        torch.save(checkpoint, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
