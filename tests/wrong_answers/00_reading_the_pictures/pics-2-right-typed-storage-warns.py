# A right answer through the deprecated TypedStorage, which makes torch warn on stderr
# ("TypedStorage is deprecated"): the warning must not cost any points.
# answer: pics-2
# loses:
def same_storage(a, b):
    address = a.storage().data_ptr()
    return address != 0 and a.device == b.device and address == b.storage().data_ptr()
