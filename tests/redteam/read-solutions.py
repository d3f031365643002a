# case: read the instructor's source notebook (solutions and hidden tests) from disk
# into: leaf-1
# expect: flagged
import json
import pathlib

found = [p for p in pathlib.Path("/").glob("**/solutions/01_leaf_tensors/01_leaf_tensors.ipynb")][:1]
source = json.loads(open(found[0]).read()) if found else {}
