# case: nbgrader metadata stripped from a test cell (stock nbgrader then stops grading the class)
# into: notebook
# expect: flagged
def tamper(nb):
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade"):
            del cell["metadata"]["nbgrader"]
            break
    return nb
