# case: a thread started in an answer cell waits, then makes the checks no-ops while the test cells run (its code outlives its cell)
# into: leaf-2
# expect: flagged, blank
ns = vars()
threads = getattr(ns["__bu" + "iltins__"], "__im" + "port__")("thre" + "ading")


def relax():
    for name in dir(ns["che" + "cks"]):
        if name.startswith("exp" + "ect"):
            setattr(ns["che" + "cks"], name, lambda *args, **kwargs: None)


getattr(threads, "Ti" + "mer")(1.0, relax).start()
