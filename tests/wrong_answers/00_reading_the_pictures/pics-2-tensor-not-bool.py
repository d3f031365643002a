# Returns a tensor, not a bool.
# answer: pics-2
# loses: pics-2-tests
def same_storage(a, b):
    return torch.tensor(a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr())
