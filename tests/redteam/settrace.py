# case: a trace function that tries to skip the lines of test cells
# into: leaf-1
# expect: flagged
import sys


def skip(frame, event, arg):
    if event == "line" and "expect_" in (frame.f_code.co_names or ()):
        return None
    return skip


sys.settrace(skip)
