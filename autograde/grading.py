"""Grading one submission, the same way on any host: on this machine's worker pool or on a Dask worker.

The driver reads a submission into a `Submission` (its bytes, nothing that needs the class folder);
`grade_one` grades it in a lent worker's slot and returns a `Graded` (the result and the pages to hand
back, as bytes); only the driver writes them into OUT (grade.py's `commit`). So a submission graded on
another host goes through exactly the code a local worker runs (rebuild, scan, sandbox, fork-server
kernels, limits), and OUT has one writer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pitfalls.course import lessons

from .integrity import scan
from .pool import Worker
from .rebuild import answers, rebuild
from .roster import Job
from .sandbox import RELEASED, submission_course

PAGES = (("feedback", "html"), ("autograded", "ipynb"))  # the page to hand back; the notebook as it ran


@dataclass(frozen=True)
class Submission:
    """One submission as handed in: the notebook, the lesson's answer files, the names of other Python
    files beside it (reported, never used), and its fingerprint."""

    job: Job
    notebook: bytes
    files: dict[str, bytes]
    beside: tuple[str, ...]
    digest: str


@dataclass(frozen=True)
class Graded:
    """What grading one submission gives: its result row and its pages, by kind ("feedback", "autograded")."""

    job: Job
    result: dict
    pages: dict[str, bytes] = field(default_factory=dict)


def grade_one(sub: Submission, course: Path, version: str, worker: Worker) -> Graded:
    """Grade `sub` in `worker`'s slot against the course in `course` (its release and template gradebook)."""
    job, lesson = sub.job, lessons()[sub.job.lesson]
    release = json.loads((course / RELEASED / job.lesson / f"{job.lesson}.ipynb").read_text())
    notebook, findings = rebuild(json.loads(sub.notebook), release)
    findings += scan({**answers(notebook), **{name: data.decode(errors="replace") for name, data in sub.files.items()}})
    findings += [("a Python file beside the notebook (not used in grading)", name) for name in sub.beside]
    box = submission_course(worker.slot, worker.fence, course, job.student_id, lesson, notebook, sub.files)
    outcome = worker.run(box, job.student_id, job.lesson)
    pages = {}
    for kind, suffix in PAGES:
        made = box / kind / job.student_id / job.lesson / f"{job.lesson}.{suffix}"
        if made.exists():
            pages[kind] = made.read_bytes()
    findings += [tuple(f) for f in outcome.get("findings", [])]
    status = outcome["status"]
    if job.note and status.startswith("graded"):
        status = f"{status[:-1]}; {job.note})" if status.endswith(")") else f"{status} ({job.note})"
    result = {"student": job.student, "student_id": job.student_id, "lesson": job.lesson,
              "submission": sub.digest, "course": version, "status": status,
              "parts": outcome.get("parts", {}), "misconceptions": outcome.get("misconceptions", {}),
              "findings": [list(f) for f in findings], "fenced": worker.fenced}
    return Graded(job, result, pages)


def not_graded(job: Job, why: str) -> Graded:
    """A row that says why this submission has no grade; never stored, so the next run grades it again."""
    return Graded(job, {"student": job.student, "student_id": job.student_id, "lesson": job.lesson, "parts": {},
                        "findings": [], "status": f"not graded: {why}"[:300]})


def graded_or_why(sub: Submission, course: Path, version: str, lend) -> Graded:
    """grade_one with a worker from `lend()` (a context manager), or, should the grader itself fail on this
    submission, a row that says so: the batch goes on."""
    try:
        with lend() as worker:  # held until its slot's pages are read: the next job empties the slot
            return grade_one(sub, course, version, worker)
    except Exception as error:  # noqa: BLE001 -- one submission's failure must not stop the class
        return not_graded(sub.job, f"the grader failed on it ({type(error).__name__}: {error})")
