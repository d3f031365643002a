# "Copies the checkpoint first" with copy.deepcopy: a deep copy of a view copies its whole storage, so the
# file is as big as before.
# answer: save-4
# loses: save-4-tests
# shows: view-saves-its-elements
import copy


def save_atomically(obj, path):
    temporary = path + ".tmp"
    try:
        torch.save(copy.deepcopy(obj), temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
