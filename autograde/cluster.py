"""Grading on a Dask cluster: `make autograde SCHEDULER=tcp://host:8786` (`--scheduler` of the driver).

The driver sends each submission (its bytes, `grading.Submission`) to the cluster as one Dask task; the
task grades it with `grading.graded_or_why`, the code a local worker runs, on the Dask worker's host:
there each Dask worker process keeps one grading worker per thread (`pool.Workers`: the same
`autograde.worker` processes, sandbox, limits and fork-server kernels as on this machine) and a copy of
the driver's grading course (the released lessons and the template gradebook, sent once as a Dask task,
never the solutions). The task returns the result and the pages; the driver commits them to OUT through
the same atomic store as local results, so a re-run grades only what is missing, whichever path graded
the rest.

Before it sends anything, the driver asks every Dask worker whether it would grade this run (`ready`): a
worker that runs other grading code than the driver, or that cannot fence learner code in when
`--require-sandbox` is given, is named with what to do, and nothing is graded. A worker that joins later
and would refuse stops the run at its first task the same way (every submission sent to it would be
refused), keeping what was committed.

Dask does the scheduling, the moving of data, and the faults: a task whose worker dies is run again on
another worker, and one that has been running on `distributed.scheduler.allowed-failures` + 1 workers
that all died becomes `KilledWorker` (the driver stores it as not graded, with that reason). A Dask worker
grades in its own local directory, slots and kernel sockets alike, so what a killed one leaves is removed by
Dask itself when the next worker starts there. A lost scheduler cancels every future; the driver then stops
with its message, keeping what it committed; `distributed`'s own log goes to OUT/dask.log, not stderr.

`distributed` is imported here only: grading on one machine needs nothing of it.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.metadata
import logging
import re
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from pitfalls.course import NBGRADER_CONFIG, REGISTRY, ROOT

from . import bubblewrap
from .grading import Graded, Submission, graded_or_why, not_graded
from .pool import Limits, Workers
from .roster import Job
from .sandbox import RELEASED
from .store import write_atomic

CONNECT_S = 30  # seconds to reach the scheduler, at the start
PER_THREAD = 4  # submissions in flight per worker thread: enough to keep every thread busy, few to hold in memory


def connect(address: str, log: Path):
    """A Dask client on the scheduler at `address`, `distributed`'s log going to `log`, or SystemExit with a
    message that says what to do."""
    try:
        from distributed import Client
    except ImportError:
        raise SystemExit("error: grading on a Dask cluster needs the `distributed` package: "
                         "`make install` installs it (requirements-cluster.txt)") from None
    log_to(log)
    try:
        return Client(address, timeout=CONNECT_S, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise SystemExit(f"error: cannot reach the Dask scheduler at {address}: {error}") from None


def log_to(path: Path) -> None:
    """`distributed`'s log on the driver into `path`, not stderr, where its import put it: a lost scheduler makes
    it log tracebacks of its reconnecting before the driver can say what happened. The instructor reads the
    driver's one message; whoever looks into Dask reads the file."""
    handler = logging.FileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if name.split(".")[0] in ("distributed", "tornado", "bokeh") and getattr(logger, "handlers", None):
            logger.handlers = [handler]


def grading_code() -> dict[str, str]:
    """The code that grades, part by part: a digest of each of the course's modules, of its registry and of its
    nbgrader config, and the installed version of each pinned package. A Dask worker whose parts differ from
    the driver's would grade by other rules, so it does not grade."""
    paths = sorted([*(ROOT / "autograde").glob("*.py"), *(ROOT / "pitfalls").rglob("*.py"), REGISTRY, NBGRADER_CONFIG])
    parts = {str(path.relative_to(ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()[:16] for path in paths}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if name := re.match(r"^([A-Za-z0-9_.-]+)==", line):
            parts[name[1]] = importlib.metadata.version(name[1])
    return parts


def course_files(course: Path) -> dict[str, bytes]:
    """What a Dask worker needs of OUT/course to grade: the template gradebook and the released lessons."""
    files = {"template.db": (course / "template.db").read_bytes()}
    for path in sorted((course / RELEASED).rglob("*")):
        if path.is_file():
            files[str(path.relative_to(course))] = path.read_bytes()
    return files


# ---- on the Dask worker ----------------------------------------------------------------------------------

class Refused(Exception):
    """Raised by a grading task on a Dask worker that must not grade this run: why, and what to do."""


def refusal(worker, code: dict[str, str], require_sandbox: bool) -> str | None:
    """Why the Dask worker `worker` must not grade for a driver whose grading code is `code`, or None."""
    who = f"the Dask worker {worker.address}" + (f" ({worker.name})" if str(worker.name) != worker.address else "")
    ours = grading_code()
    if differ := sorted(part for part in code.keys() | ours.keys() if code.get(part) != ours.get(part)):
        return (f"{who} runs other grading code than the driver (these differ: {', '.join(differ[:4])}"
                f"{f' and {len(differ) - 4} more' if len(differ) > 4 else ''}): check out the driver's commit "
                "there, `make install`, and start the worker again")
    if require_sandbox and (why := bubblewrap.available()):
        return (f"{who} cannot fence learner code in, and --require-sandbox is given: {why}; make bubblewrap work "
                "there and start the worker again, or grade without --require-sandbox")
    return None


async def fitness(code: dict[str, str], require_sandbox: bool, dask_worker) -> str | None:
    """`refusal` of this Dask worker, asked by the driver before it sends anything (`client.run`), off the
    worker's event loop: bubblewrap's probe starts Python and torch."""
    return await asyncio.to_thread(refusal, dask_worker, code, require_sandbox)


@dataclass
class Here:
    """One Dask worker process's grading: the course, unpacked, and a grading worker per thread."""

    course: Path
    workers: Workers
    unfenced: str | None  # why learner code cannot be fenced in on this host, or None


_here: dict[tuple, Here] = {}
_here_lock = threading.Lock()


def here(files: dict[str, bytes], version: str, limits: Limits) -> Here:
    """This Dask worker's grading for the course `version` under `limits`, made on first use."""
    from distributed import get_worker

    with _here_lock:
        key = (version, limits)
        if key not in _here:
            worker = get_worker()
            name = hashlib.sha256(repr(key).encode()).hexdigest()[:16]
            local = Path(worker.local_directory)  # Dask removes it as the next worker starts there, once this one died
            folder = local / "pitfalls-grading" / name
            course = folder / "course"
            for name, data in files.items():
                write_atomic(course / name, data)
            unfenced = bubblewrap.available()
            threads = Limits(worker.state.nthreads, limits.cell_timeout, limits.notebook_timeout, limits.memory_gib)
            _here[key] = Here(course, Workers(folder / "work", threads, fenced=unfenced is None, sockets=local),
                              unfenced)
        return _here[key]


def grade_on_worker(files: dict[str, bytes], version: str, code: dict[str, str], sub: Submission, limits: Limits,
                    require_sandbox: bool) -> Graded:
    """The Dask task: grade one submission here, as a local worker would, or raise Refused."""
    from distributed import get_worker

    if why := refusal(get_worker(), code, require_sandbox):
        raise Refused(why)
    place = here(files, version, limits)
    graded = graded_or_why(sub, place.course, version, place.workers.lend)
    if place.unfenced and "fenced" in graded.result:
        graded.result["unfenced"] = place.unfenced
    return graded


def stop_idle_workers() -> int:
    """Stop this Dask worker's idle grading workers (each holds a fork server with torch loaded); they start
    again when a submission needs them. Run on every Dask worker when a grading run ends."""
    with _here_lock:
        return sum(place.workers.stop() for place in _here.values())


# ---- on the driver ---------------------------------------------------------------------------------------

def ready(client, require_sandbox: bool) -> None:
    """Ask every Dask worker whether it would grade this run: SystemExit naming each that would refuse, and why.
    A worker that cannot even run the question (a checkout without it, no course on its path) is one."""
    answers = client.run(fitness, grading_code(), require_sandbox, on_error="return")
    refusals = [why if isinstance(why, str) or why is None else
                f"the Dask worker {address} cannot run the driver's check ({type(why).__name__}: {why}): start it "
                "with `make grading-worker` in a checkout of the driver's commit" for address, why in answers.items()]
    if refusals := [why for why in refusals if why]:
        client.close(timeout=10)
        raise SystemExit(f"error: not grading: {len(refusals)} of the {len(answers)} Dask workers would refuse:\n"
                         + "".join(f"  {why}\n" for why in refusals)
                         + "Nothing was graded; run the same command again once those workers are fixed or stopped.")


def killed(sub: Submission, version: str, error: Exception) -> Graded:
    """The stored row of a submission whose Dask workers all died while grading it."""
    job = sub.job
    return Graded(job, {"student": job.student, "student_id": job.student_id, "lesson": job.lesson,
                        "submission": sub.digest, "course": version, "parts": {}, "findings": [],
                        "status": f"not graded: every Dask worker that graded it died ({type(error).__name__}: "
                                  f"{getattr(error, 'allowed_failures', 0) + 1} tries)"})


def graded_on(client, course: Path, version: str, todo: list[Job], limits: Limits, require_sandbox: bool,
              read) -> Iterator[Graded]:
    """Each submission of `todo` graded on the cluster, as it is done; `read(job)` makes its Submission.

    At most PER_THREAD submissions per worker thread are in flight, so neither this process nor the scheduler
    holds the whole class. Raises SystemExit when the scheduler is lost."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    run = uuid.uuid4().hex[:8]
    files = client.submit(dict, course_files(course), key=f"pitfalls-course-{run}", pure=False)
    code = client.submit(dict, grading_code(), key=f"pitfalls-code-{run}", pure=False)
    sent: dict[tuple, Submission] = {}  # by task key
    waiting = iter(todo)
    done = as_completed(loop=client.loop)

    def send(jobs) -> None:
        for job in jobs:
            sub = read(job)
            # one task group ("grade"): when it outnumbers the cluster's threads, Dask queues it on the scheduler
            # and hands each worker about as many as it has threads, so a worker that dies takes few with it
            future = client.submit(grade_on_worker, files, version, code, sub, limits, require_sandbox,
                                   key=("grade", f"{job.student_id}/{job.lesson}", run), pure=False)
            sent[future.key] = sub
            done.add(future)

    def top_up() -> None:
        try:
            if client.status == "running":  # else the scheduler is lost: its futures come back cancelled
                send(islice(waiting, max(0, in_flight(client) - len(sent))))
        except OSError:
            raise lost(client) from None

    try:
        top_up()
        for future in done:
            sub = sent.pop(future.key)
            if future.status == "finished":
                yield future.result()
            elif future.cancelled():  # by Dask, when the client loses the scheduler
                raise lost(client)
            elif isinstance(error := future.exception(), Refused):  # a worker that joined after `ready` asked
                raise SystemExit(f"error: grading stopped: {error}. What was graded is kept; run the same command "
                                 "again once that worker is fixed or stopped.")
            else:
                yield killed(sub, version, error) if isinstance(error, KilledWorker) else \
                    not_graded(sub.job, f"the Dask task failed ({type(error).__name__}: {error})")
            top_up()
    finally:
        if client.status == "running":  # a lost scheduler has no workers to tidy
            client.run(stop_idle_workers)
        client.close(timeout=10)


def lost(client) -> SystemExit:
    return SystemExit(f"error: grading stopped: the Dask scheduler at {client.scheduler.address} is gone (the "
                      "connection to it was lost). What was graded is kept; run the same command again, with a "
                      "scheduler running, to grade the rest.")


def in_flight(client) -> int:
    """How many submissions to keep sent: PER_THREAD per worker thread the cluster has now."""
    return max(PER_THREAD, PER_THREAD * sum(client.nthreads().values()))
