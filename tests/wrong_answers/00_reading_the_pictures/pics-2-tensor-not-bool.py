# Returns a tensor, not a bool.
# answer: pics-2
# loses: pics-2-tests
# slip: the form: returns a tensor, not a bool
def same_storage(a, b):
    return torch.tensor(a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr())
