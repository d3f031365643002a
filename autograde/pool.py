"""Grading workers: long-lived `autograde.worker` processes, bounded in memory and time, that die
with the driver, so a killed run leaves nothing behind that could write into the next one."""

from __future__ import annotations

import json
import os
import queue
import resource
import select
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pitfalls.course import ROOT

from .kernels import die_with_parent, libc
from .nbgrader_cli import course_env
from .sandbox import SOCKETS, fence


@dataclass(frozen=True)
class Limits:
    jobs: int
    cell_timeout: int  # seconds per cell (then the cell is interrupted and the next one runs)
    notebook_timeout: int  # seconds per notebook (then its remaining cells are not run)
    memory_gib: float  # address space of each worker and its kernel


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_jobs() -> int:
    """One worker per core, plus one: a worker's core idles while its kernel starts and stops, and while the
    kernel waits for the worker's next message, so one more worker keeps the cores busy. 100 submissions on 2
    cores (lessons 00–04, 2026-11-26): 2 workers 52.7 s, 3 47.7–48.2 s, 4 47.8–49.0 s, 5 50.2 s; 3 workers
    spend 83 CPU s and 4 spend 87–90 (each worker starts its own fork server)."""
    return cores() + 1


def in_worker(gib: float):
    """Runs in each worker before it starts: cap its memory (its kernels inherit the cap), and die
    with the driver."""
    size = int(gib * 2**30)
    libc()  # loaded here: finding it between fork and exec would not be safe

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
        die_with_parent()
    return apply


class Worker:
    """A long-lived `autograde.worker` process; one that overruns is killed with its kernel.

    It grades in its own folder, `slot`, one submission at a time; when `fenced`, its kernels run in
    bubblewrap and may write only there and in their sockets' folder, made in `sockets` (autograde/bubblewrap.py).
    """

    def __init__(self, slot: Path, limits: Limits, fenced: bool, sockets: Path = SOCKETS):
        self.slot, self.limits, self.fenced, self.sockets, self.proc = slot, limits, fenced, sockets, None
        self.fence = fence(slot, sockets)
        self.log = slot.parent / f"{slot.name}.log"

    def start(self) -> None:
        env = course_env()
        threads = str(max(1, cores() // self.limits.jobs))
        env.update(OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
        env["PITFALLS_PICTURES"] = "off"  # no check and no grader looks at them (pitfalls.draw.render.drawn)
        if self.fenced:
            env.update(PITFALLS_SLOT=str(self.slot), PITFALLS_SOCKETS=str(self.sockets))
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("a") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "autograde.worker"], cwd=ROOT,
                                         env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                         text=True, start_new_session=True,
                                         preexec_fn=in_worker(self.limits.memory_gib))

    def stop(self) -> None:
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
            self.proc = None

    def run(self, box: Path, student_id: str, lesson: str) -> dict:
        """Grade the submission in `box`; the outcome, or a status that says why it was not graded."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        request = {"root": str(box), "student": student_id, "lesson": lesson,
                   "cell_timeout": self.limits.cell_timeout, "notebook_timeout": self.limits.notebook_timeout}
        bound = self.limits.notebook_timeout + 120
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.proc.stdout], [], [], bound)
            answer = self.proc.stdout.readline() if ready else None
        except BrokenPipeError:
            answer = ""
        if answer is None:
            self.stop()
            return {"status": f"not graded: grading was stopped after {bound} s"}
        if not answer.startswith("done"):
            self.stop()
            lines = [line for line in self.log.read_text().splitlines() if line.strip()]
            return {"status": f"not graded: the grading process failed ({(lines or ['no message'])[-1][:200]})"}
        return json.loads((box / "result.json").read_text())


class Workers:
    """`limits.jobs` workers, each grading in a slot of its own under `folder`, lent one submission at a time:
    the local pool, and the same on each Dask worker (autograde/cluster.py), whose sockets go in `sockets`."""

    def __init__(self, folder: Path, limits: Limits, fenced: bool, sockets: Path = SOCKETS):
        self.free: queue.Queue[Worker] = queue.Queue()
        for i in range(limits.jobs):
            self.free.put(Worker(folder / f"slot-{i}", limits, fenced, sockets))

    @contextmanager
    def lend(self):
        worker = self.free.get()
        try:
            yield worker
        finally:
            self.free.put(worker)

    def stop(self) -> int:
        """Stop the workers not lent now, with their kernels, and remove their sockets' folders; a stopped
        worker starts again when next lent. How many were stopped."""
        stopped = []
        while True:
            try:
                stopped.append(self.free.get_nowait())
            except queue.Empty:
                break
        for worker in stopped:
            worker.stop()
            shutil.rmtree(worker.fence.runtime, ignore_errors=True)
            self.free.put(worker)
        return len(stopped)
