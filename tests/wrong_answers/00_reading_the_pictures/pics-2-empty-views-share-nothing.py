# Treats every empty tensor as holding no memory: right for two separate empty tensors and for
# (p, p[:0]), but two empty views of one matrix (m[:0], m[1:1]) are backed by m's storage and share it.
# answer: pics-2
# loses: pics-2-tests
# shows: storage-empty-view-owns-nothing
def same_storage(a, b):
    if a.numel() == 0 and b.numel() == 0:
        return False
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()
