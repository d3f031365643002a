# Checks in memory that the object can be saved, then removes the last checkpoint and saves the new one in its
# place ("torch.save over a file breaks it, so delete it first"). The new file is a new file (often with the
# old one's inode number), but a crash while it is written leaves no checkpoint at all.
# answer: save-4
# loses: save-4-tests
# shows: save-over-path-is-safe
import io


def save_atomically(obj, path):
    def compact(value):
        if isinstance(value, torch.Tensor):
            return value.clone()
        if isinstance(value, dict):
            return {k: compact(v) for k, v in value.items()}
        return value

    checkpoint = compact(obj)
    torch.save(checkpoint, io.BytesIO())   # raises here, before path is touched, if it cannot be saved
    if os.path.exists(path):
        os.remove(path)
    torch.save(checkpoint, path)
