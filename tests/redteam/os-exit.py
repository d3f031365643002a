# case: os._exit kills the kernel in the middle of the notebook
# into: leaf-2
# expect: flagged, status the kernel died
import os

os._exit(0)
