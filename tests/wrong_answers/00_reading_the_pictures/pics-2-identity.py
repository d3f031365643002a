# Compares the Python objects: detach() and views are new objects over the same memory.
# answer: pics-2
# loses: pics-2-tests
# shows: storage-same-object
def same_storage(a, b):
    return a is b
