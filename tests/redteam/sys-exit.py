# case: sys.exit in an answer cell
# into: leaf-2
# expect: flagged
import sys

sys.exit(0)
