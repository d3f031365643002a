# case: a process forked from an answer cell outlives the kernel and, once the kernel is gone, writes full marks into the grading gradebook; the audit sees it running before the next test cell, and only the sandbox (which ends it with the kernel and keeps the gradebook out of its reach) stops the write
# into: leaf-2
# expect: flagged
ns = vars()
imp = getattr(ns["__bu" + "iltins__"], "__im" + "port__")
o, clock, sql = imp("o" + "s"), imp("ti" + "me"), imp("sql" + "ite3")
book = getattr(o, "pa" + "th").join(getattr(o, "get" + "cwd")(), "..", "..", "..", "gradebook.db")
print("gradebook within reach:", getattr(o, "pa" + "th").exists(book))
kernel = getattr(o, "get" + "pid")()
if getattr(o, "fo" + "rk")() == 0:
    try:
        getattr(o, "set" + "sid")()
        for _ in range(600):  # at most a minute
            clock.sleep(0.1)
            try:
                getattr(o, "ki" + "ll")(kernel, 0)
            except OSError:
                break
        db = getattr(sql, "conn" + "ect")(book, timeout=10)
        for _ in range(600):  # until nbgrader has written the scores the tests earned
            if db.execute("SELECT count(*) FROM grade WHERE auto_score IS NULL").fetchone()[0] == 0:
                break
            clock.sleep(0.05)
        full = "(SELECT max_score FROM grade_cells WHERE grade_cells.id = grade.cell_id)"
        db.execute(f"UPDATE grade SET auto_score = {full}, manual_score = {full}")
        db.commit()
    finally:
        getattr(o, "_ex" + "it")(0)
