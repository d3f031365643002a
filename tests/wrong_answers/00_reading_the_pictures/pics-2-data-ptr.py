# Leaves the broken helper as it was: compares first-element addresses, so views with an offset look separate.
# answer: pics-2
# loses: pics-2-tests
# shows: storage-first-element-address
def same_storage(a, b):
    return a.data_ptr() == b.data_ptr()
