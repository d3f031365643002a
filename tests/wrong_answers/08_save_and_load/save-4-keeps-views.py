# Atomic and tidy, but saves the views as they are: each one writes its base's whole storage.
# answer: save-4
# loses: save-4-tests
# shows: view-saves-its-elements
def save_atomically(obj, path):
    temporary = path + ".tmp"
    try:
        torch.save(obj, temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
