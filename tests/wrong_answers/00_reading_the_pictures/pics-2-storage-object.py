# Compares storage objects: right for views, but two tensors made by torch.from_numpy from one array
# are two storage objects over the same memory, and this says they share nothing.
# answer: pics-2
# loses: pics-2-tests
# shows: storage-same-object
def same_storage(a, b):
    return a.untyped_storage() is b.untyped_storage()
