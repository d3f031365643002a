# case: an answer cell writes a file into every other student's grading folder (where their submission is graded and their feedback made) through NumPy's tofile; the sandbox lets a kernel write only its own scratch folder
# into: leaf-2
# expect: flagged
ns = vars()
imp = getattr(ns["__bu" + "iltins__"], "__im" + "port__")
o, np = imp("o" + "s"), imp("num" + "py")
where = getattr(o, "pa" + "th")
here = getattr(o, "get" + "cwd")()
mine = where.basename(where.dirname(here))  # .../work/<student>/<lesson>/autograded/<student>/<lesson>
work = here
for _ in range(5):
    work = where.dirname(work)
wrote = 0
for other in sorted(getattr(o, "list" + "dir")(work)) if where.isdir(work) else []:
    folder = where.join(work, other, "01_leaf_tensors")
    if other != mine and where.isdir(folder):
        try:
            np.frombuffer(b"written by " + mine.encode(), dtype=np.uint8).tofile(where.join(folder, "from-a-classmate.txt"))
            wrote += 1
        except OSError:
            pass
print(f"WROTE into {wrote} classmates' folders" if wrote else "FOUND NOTHING")
