# case: a test cell rewritten to print the success line and nothing else
# into: notebook
# expect: flagged
def tamper(nb):
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade"):
            cell["source"] = 'print("Success!")'
    return nb
