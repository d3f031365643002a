# case: an empty file
# into: raw
# expect: not graded: empty file
def tamper(nb):
    return b""
