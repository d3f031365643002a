# case: an endless loop that ignores the interrupt the grader sends at the cell timeout
# into: leaf-2
# expect: flagged
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
