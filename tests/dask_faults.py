"""A Dask worker preload for the cluster tests (`dask worker --preload tests/dask_faults.py`): the worker kills
its own process while it grades a chosen student's submission, as a machine lost mid-submission would. A
learner's code cannot do it (the sandbox hides every process outside its notebook), so the test does.

PITFALLS_KILL_ONCE=<student id>: the first worker to grade it dies PITFALLS_KILL_AFTER seconds in (a marker file
in PITFALLS_KILL_MARKS makes it once across the workers); PITFALLS_KILL_ALWAYS=<student id>: every worker that
starts grading it dies at once.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from pathlib import Path

from distributed import WorkerPlugin


def die(after: float) -> None:
    threading.Timer(after, os.kill, (os.getpid(), signal.SIGKILL)).start()


class Faults(WorkerPlugin):
    name = "pitfalls-faults"

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing":
            return
        graded = key[1] if isinstance(key, tuple) and key[0] == "grade" else ""  # "<student id>/<lesson>"
        if (always := os.environ.get("PITFALLS_KILL_ALWAYS")) and graded.startswith(f"{always}/"):
            die(0)
        elif (once := os.environ.get("PITFALLS_KILL_ONCE")) and graded.startswith(f"{once}/"):
            mark = Path(os.environ["PITFALLS_KILL_MARKS"]) / re.sub(r"[^\w.-]", "_", graded)
            try:
                mark.touch(exist_ok=False)
            except FileExistsError:
                return
            die(float(os.environ.get("PITFALLS_KILL_AFTER", "3")))


async def dask_setup(worker):
    await worker.plugin_add(Faults())
