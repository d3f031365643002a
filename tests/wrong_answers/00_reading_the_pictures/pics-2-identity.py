# Compares the Python objects: detach() and views are new objects over the same memory.
# answer: pics-2
# loses: pics-2-tests
def same_storage(a, b):
    return a is b
