# case: the right notebook saved under another name
# into: renamed my_work.ipynb
# expect: status graded
def tamper(nb):
    return nb
