# case: a test cell's points raised and an answer cell re-tagged as graded
# into: notebook
# expect: flagged
def tamper(nb):
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("grade"):
            meta["points"] = 100
        if meta.get("solution"):
            meta["grade"] = True
            meta["points"] = 50
    return nb
