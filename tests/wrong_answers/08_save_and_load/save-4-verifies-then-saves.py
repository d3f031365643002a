# Saves to a temporary file first and checks that it loads, then saves the checkpoint to path for real and
# removes the check: a failed pickle never reaches path, but the real save still empties path first and writes
# it in place, so a crash while it writes (Ctrl-C, a full disk) leaves half a checkpoint where the last one was.
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

    checkpoint = compact(obj)
    trial = path + ".trial"
    try:
        torch.save(checkpoint, trial)
        torch.load(trial)
    finally:
        if os.path.exists(trial):
            os.remove(trial)
    torch.save(checkpoint, path)
