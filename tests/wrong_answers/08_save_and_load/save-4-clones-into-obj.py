# Replaces obj's tensors with their clones before saving: the file is small, but the caller's dict no longer
# holds the tensors it held.
# answer: save-4
# loses: save-4-tests
# slip: the task: overwrites the caller's tensors with clones while saving
def save_atomically(obj, path):
    def compact_(d):
        for key, value in d.items():
            if isinstance(value, torch.Tensor):
                d[key] = value.clone()
            elif isinstance(value, dict):
                compact_(value)

    compact_(obj)
    temporary = path + ".tmp"
    try:
        torch.save(obj, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
