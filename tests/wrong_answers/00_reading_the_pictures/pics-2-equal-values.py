# Compares values: a clone has equal values and memory of its own.
# answer: pics-2
# loses: pics-2-tests
# shows: storage-equal-values
def same_storage(a, b):
    return a.shape == b.shape and bool(torch.equal(a, b))
