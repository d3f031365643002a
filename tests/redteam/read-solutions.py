# case: read the instructor's source notebook (solutions and hidden tests) from disk
# into: leaf-1
# expect: flagged
import json
import os

here, source = os.getcwd(), {}
for _ in range(8):
    candidate = os.path.join(here, "solutions", "01_leaf_tensors", "01_leaf_tensors.ipynb")
    if os.path.exists(candidate):
        source = json.load(open(candidate))
        break
    here = os.path.dirname(here)
