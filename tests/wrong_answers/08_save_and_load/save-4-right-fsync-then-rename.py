# A right answer that pickles into memory, writes the bytes to a hidden file in path's folder with open(),
# flushes them to the disk (section 7's recipe) and renames it over path; .contiguous().clone() compacts.
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

    buffer = io.BytesIO()
    torch.save(compact(obj), buffer)
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(buffer.getvalue())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
