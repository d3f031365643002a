# Compares the storages' addresses but forgets that an empty storage has none: two separate empty
# tensors both report address 0, and this says they share memory.
# answer: pics-2
# loses: pics-2-tests
# shows: storage-empty-shares-address
def same_storage(a, b):
    return a.device == b.device and a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()
