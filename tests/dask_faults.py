"""A Dask worker preload for the cluster tests (`dask worker --preload tests/dask_faults.py`): the worker kills
its own process while it grades a chosen student's submission, as a machine lost mid-submission would. A
learner's code cannot do it (the sandbox hides every process outside its notebook), so the test does.

PITFALLS_KILL_ONCE=<student id>: the first worker to grade it dies once one of its kernels runs (a marker file in
PITFALLS_KILL_MARKS makes it once across the workers; the worker writes into it, as it dies, what of its grading
it has in its local directory); PITFALLS_KILL_ALWAYS=<student id>: every worker that starts grading it dies at once.
"""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time
from pathlib import Path

from distributed import WorkerPlugin

KERNEL_WITHIN_S = 120  # a kernel starts within this (else the worker dies then, all the same)


def die(after: float) -> None:
    threading.Timer(after, os.kill, (os.getpid(), signal.SIGKILL)).start()


def die_mid_grading(local: Path, mark: Path) -> None:
    """Die as soon as a kernel of this worker runs: its connection file is in a sockets' folder of the worker's
    local directory. First write into `mark` the grading folders there, to be checked once the worker is dead."""
    def watch() -> None:
        deadline = time.monotonic() + KERNEL_WITHIN_S
        while time.monotonic() < deadline and not any(local.glob("pitfalls-*/kernel-*.json")):
            time.sleep(0.05)
        mark.write_text(json.dumps(sorted(str(p) for p in local.glob("pitfalls*"))))
        os.kill(os.getpid(), signal.SIGKILL)
    threading.Thread(target=watch, daemon=True).start()


class Faults(WorkerPlugin):
    name = "pitfalls-faults"

    def setup(self, worker):
        self.local = Path(worker.local_directory)

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
            die_mid_grading(self.local, mark)


async def dask_setup(worker):
    await worker.plugin_add(Faults())
