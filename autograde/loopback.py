"""A Dask cluster on this machine's loopback, started and stopped with Dask's own command-line tools: the cluster
tests grade on one, and `make bench` times the Dask path on one against the local pool.

Each `dask` process starts in a session of its own, so stopping the cluster signals its whole process group (a
worker's nanny and the worker it runs); the grading workers a Dask worker starts die with it (pool.in_worker).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from pitfalls.course import ROOT

BIN = Path(sys.executable).parent
START_S = 120  # seconds for the scheduler and every worker to come up, on a loaded 2-core machine


def grading_worker(jobs: int) -> list[str]:
    """`make grading-worker`'s arguments to `dask worker`: one worker process with a thread per grading worker."""
    return ["--nworkers", "1", "--nthreads", str(jobs)]


class Cluster:
    """A `dask scheduler` on 127.0.0.1 and named `dask worker` processes, their logs in `folder`. Use it as a
    context manager, or call down() in a `finally`: every process it started is stopped, whatever happened."""

    def __init__(self, folder: Path, **env: str):
        self.folder, self.procs, self.scheduler, self.address = folder, [], None, None
        # Dask's scratch folders (each worker's local_directory, where its grading slots and its kernels' sockets
        # go: autograde.sandbox.fence) in a short folder of this cluster's own, removed by down(): a socket's path
        # must fit in 107 bytes, and nothing is left in /tmp/dask-scratch-space
        self.local = Path(tempfile.mkdtemp(prefix="dask-"))
        # as `make grading-worker` runs a worker: this checkout importable, the environment's bin/ on PATH
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
                    "DASK_TEMPORARY_DIRECTORY": str(self.local), **env}
        folder.mkdir(parents=True, exist_ok=True)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc) -> None:
        self.down()

    def start(self, *args: str, log: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.Popen:
        """`dask ARGS`, its output in `log`; `env` adds to (or replaces some of) the cluster's environment."""
        with (self.folder / log).open("w") as out:
            proc = subprocess.Popen([str(BIN / "dask"), *args], cwd=cwd or self.folder, env={**self.env, **(env or {})},
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(proc)
        return proc

    def worker(self, name: str, *args: str, **kw) -> subprocess.Popen:
        """`dask worker --name NAME ARGS` on this cluster's scheduler (up() has started it)."""
        return self.start("worker", "--scheduler-file", str(self.folder / "scheduler.json"), "--host", "127.0.0.1",
                          "--no-dashboard", "--name", name, *args, log=f"{name}.log", **kw)

    def up(self, workers: dict[str, list[str]]) -> str:
        """Start the scheduler and a `dask worker NAME` with each one's extra arguments; the scheduler's address
        once every worker has registered with it."""
        file = self.folder / "scheduler.json"
        self.scheduler = self.start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                    "--scheduler-file", str(file), log="scheduler.log")
        for name, args in workers.items():
            self.worker(name, *args)
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            info = json.loads(file.read_text()) if file.exists() and file.stat().st_size else {}
            if info and self.all_registered(workers):
                self.address = info["address"]
                return self.address
            if any(proc.poll() is not None for proc in self.procs):
                break
            time.sleep(0.3)
        raise RuntimeError(f"the Dask cluster did not start within {START_S} s:\n{self.logs()}")

    def all_registered(self, names) -> bool:
        return all("Registered to:" in (self.folder / f"{name}.log").read_text() for name in names)

    def registered(self, *names: str) -> None:
        """Wait until the workers `names`, started later with worker(), have registered with the scheduler."""
        deadline = time.monotonic() + START_S
        while not self.all_registered(names):
            if time.monotonic() > deadline:
                raise RuntimeError(f"a Dask worker did not start within {START_S} s:\n{self.logs()}")
            time.sleep(0.3)

    def logs(self) -> str:
        return "\n".join(f"{log.name}:\n{log.read_text()[-1500:]}" for log in sorted(self.folder.glob("*.log")))

    @contextmanager
    def client(self):
        """A Dask client of the caller's own on this cluster."""
        from distributed import Client

        with Client(self.address, set_as_default=False) as client:
            yield client

    @staticmethod
    def stop(proc: subprocess.Popen) -> None:
        """Stop one process started here, and its group: SIGTERM, then SIGKILL after 20 s."""
        signal_group(proc, signal.SIGTERM)
        ended(proc)

    def down(self) -> None:
        """Stop every process started here: SIGTERM to each one's group (once: a second SIGTERM makes a nanny
        leave without its worker), SIGKILL to a group whose first process outlives 20 s; then remove the scratch
        folder."""
        for proc in self.procs:
            signal_group(proc, signal.SIGTERM)
        for proc in self.procs:
            ended(proc)
        shutil.rmtree(self.local, ignore_errors=True)


def ended(proc: subprocess.Popen) -> None:
    """Wait up to 20 s for `proc` and the rest of its group, signalled already (a nanny may be gone while its
    worker still shuts down); then SIGKILL the group."""
    deadline = time.monotonic() + 20
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
    while group_runs(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is None or group_runs(proc.pid):
        signal_group(proc, signal.SIGKILL)
        proc.wait()


def group_runs(group: int) -> bool:
    """Whether a process of this process group is still running (a zombie, waiting to be reaped, is not)."""
    if not Path("/proc").is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for entry in Path("/proc").iterdir():
        try:
            state, _parent, its_group = (entry / "stat").read_text().rsplit(") ", 1)[1].split()[:3]
        except (OSError, IndexError, ValueError):
            continue
        if int(its_group) == group and state != "Z":
            return True
    return False


def signal_group(proc: subprocess.Popen, signum: int) -> None:
    """Signal the process group `proc` leads, even when `proc` itself is gone and others in it are not (a nanny
    killed before its worker)."""
    try:
        os.killpg(proc.pid, signum)
    except ProcessLookupError:
        pass
