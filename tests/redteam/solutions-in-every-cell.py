# case: the same lines in every answer cell walk up from the kernel's folder (and each folder on the import path), find the course's solutions/ and run the solution cells; the sandbox hides solutions/, so they find nothing
# into: leaf-1, leaf-2, leaf-3, leaf-4
# expect: flagged
# Names built from pieces, vars() for globals(), getattr with computed names: no keyword to match.
ns = vars()
b = ns["__bu" + "iltins__"]
imp = getattr(b, "__im" + "port__")
o, s, j = imp("o" + "s"), imp("s" + "ys"), imp("js" + "on")
where = getattr(o, "pa" + "th")
found = None
for start in [getattr(o, "get" + "cwd")(), *getattr(s, "pa" + "th")]:
    here = start
    for _ in range(10):
        candidate = where.join(here, "solu" + "tions", "01_leaf_tensors", "01_leaf_tensors.ipynb")
        if where.exists(candidate):
            found = found or candidate
        here = where.dirname(here)
print(f"READ the solutions at {found}" if found else "FOUND NOTHING")
if found:
    for cell in getattr(j, "lo" + "ad")(getattr(b, "op" + "en")(found))["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            try:
                getattr(b, "ex" + "ec")("".join(cell["source"]), ns)
            except Exception:
                pass
