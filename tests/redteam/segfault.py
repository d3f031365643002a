# case: crash the kernel with a segmentation fault
# into: leaf-2
# expect: flagged, status the kernel died
import ctypes

ctypes.string_at(0)
