# Clones the tensors at the top of obj only: the views inside a nested state dict still drag their storages in.
# answer: save-4
# loses: save-4-tests
# shows: view-saves-its-elements
def save_atomically(obj, path):
    compact = {k: v.clone() if isinstance(v, torch.Tensor) else v for k, v in obj.items()}
    temporary = path + ".tmp"
    try:
        torch.save(compact, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
