# case: a test cell duplicated, hoping to be counted twice
# into: notebook
# expect: flagged
import copy


def tamper(nb):
    test = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade"))
    nb["cells"].insert(nb["cells"].index(test), copy.deepcopy(test))
    return nb
