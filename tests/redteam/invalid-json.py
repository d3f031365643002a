# case: a file that is not JSON
# into: raw
# expect: not graded: invalid JSON
def tamper(nb):
    return b'{"cells": [{"cell_type": "code",'
