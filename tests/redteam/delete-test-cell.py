# case: every test cell deleted (stock nbgrader leaves them for manual grading)
# into: notebook
# expect: flagged
def tamper(nb):
    nb["cells"] = [c for c in nb["cells"] if not c["metadata"].get("nbgrader", {}).get("grade")]
    return nb
