# case: every check made a no-op through the module objects found in the namespace (vars() for globals(), names built from pieces, setattr with computed names)
# into: leaf-1
# expect: flagged, blank
ns = vars()
is_leaf_prediction = {}


def calm(*args, **kwargs):
    return None


for value in list(ns.values()):
    if hasattr(value, "expect_" + "equal"):
        for name in dir(value):
            if name.startswith("exp" + "ect") or name == "qui" + "etly" or name == "fa" + "il":
                setattr(value, name, calm)
        setattr(getattr(value, "Predic" + "tions"), "it" + "em", lambda self, key, expected, why="": True)
