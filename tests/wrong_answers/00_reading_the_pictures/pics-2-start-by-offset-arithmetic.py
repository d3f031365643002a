# Works out where each storage starts from the first element's address less the offset: right for every
# view that holds an element, but an empty view's data_ptr() is 0 whatever its storage, so (p, p[:0]) and
# two empty views of one tensor look like memory of their own.
# answer: pics-2
# loses: pics-2-tests
# shows: storage-first-element-address
def same_storage(a, b):
    start_a = a.data_ptr() - a.storage_offset() * a.element_size()
    start_b = b.data_ptr() - b.storage_offset() * b.element_size()
    return start_a != 0 and start_a == start_b
