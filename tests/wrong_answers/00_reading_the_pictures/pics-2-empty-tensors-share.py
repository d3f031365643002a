# Right on one device: compares the storages' addresses without checking the device.
# answer: pics-2
# loses:
def same_storage(a, b):
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()
