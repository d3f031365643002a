"""Grade submissions, each in a sandbox of its own: `python -m autograde.worker`, jobs on stdin.

The sandbox is a small nbgrader course (its own gradebook, the released lesson and the one
submitted notebook), so parallel workers never share a sqlite file. nbgrader does the work, in
this process: autograde, then the integrity check of what ran, then feedback. The outcome goes to
SANDBOX/result.json, written last and atomically: a sandbox without it was never finished.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import warnings
from pathlib import Path

import nbgrader.api
import sqlalchemy
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.preprocessors import CheckCellMetadata, Execute, GetGrades
from sqlalchemy import event
from sqlalchemy.engine import Engine
from traitlets.config import Config

from pitfalls.course import diagnosed, lessons

from .execute import BoundedExecute
from .feedback import FeedbackPage, FeedbackWithoutHiddenTests
from .integrity import silent_passes, stream_text, tampering
from .kernels import ForkedKernelManager, ForkServer
from .metadata import CheckMetadata
from .sandbox import fence, grading_config
from .store import write_atomic


def course_config(root: Path, lesson: str, cell_timeout: int, notebook_timeout: int) -> Config:
    """The course's nbgrader config, pointed at the sandbox, with bounded execution and clean feedback."""
    config = grading_config(root, [lessons()[lesson]])
    ours = {Execute: BoundedExecute, CheckCellMetadata: CheckMetadata}
    config.Autograde.sanitize_preprocessors = [ours.get(s, s) for s in Autograde.sanitize_preprocessors.default()]
    config.Autograde.autograde_preprocessors = [ours.get(s, s) for s in Autograde.autograde_preprocessors.default()]
    config.BoundedExecute.timeout = cell_timeout
    config.BoundedExecute.notebook_timeout = notebook_timeout
    config.BoundedExecute.kernel_manager_class = ForkedKernelManager
    # what IPython keeps of each error for its history is formatted in its Context mode, source and colours and
    # all (a quarter of a grading kernel's time once it drew no pictures): Plain is cheap. What a cell shows stays
    # pitfalls' brief errors.
    config.BoundedExecute.extra_arguments = ["--InteractiveShell.xmode=Plain"]
    # nbconvert validates the whole notebook after each of a pass's ten preprocessors; once, after the last, is
    # the same verdict on what nbgrader writes
    config.Exporter.optimistic_validation = True
    config.BoundedExecute.shutdown_kernel = "immediate"  # its outputs are in; a polite exit costs torch ~1 s
    config.GenerateFeedback.preprocessors = [GetGrades, FeedbackWithoutHiddenTests, CSSHTMLHeaderPreprocessor]
    config.GenerateFeedback.exporter_class = FeedbackPage
    return config


def stop_reasons(nb: dict) -> list[str]:
    """Why cells did not run (time limit, dead kernel) and where output was cut off."""
    notes = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            if out.get("ename") == "NotRun":
                notes.append(out["evalue"].split(": ", 1)[-1])
            if out.get("output_type") == "stream" and "[output cut off at" in stream_text(out):
                notes.append("output cut off")
            if out.get("ename") == "CellTimeoutError" and "a cell timed out" not in notes:
                notes.append("a cell timed out")
    return list(dict.fromkeys(notes))


def diagnoses(nb: dict, lesson: str) -> dict[str, list[str]]:
    """Test cell grade_id -> the misconceptions its failed checks named, for the cells that named any.
    Only the lesson's declared ids count: a learner's print cannot add another lesson's to the report."""
    declared = {m.id for m in lessons()[lesson].misconceptions}
    found = {}
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not meta.get("grade") or cell.get("cell_type") != "code":
            continue
        said = "\n".join(stream_text(o) if o.get("output_type") == "stream" else
                         "\n".join([o.get("evalue", ""), *o.get("traceback", [])]) if o.get("output_type") == "error"
                         else str(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))
        if ids := [m for m in diagnosed(said) if m in declared]:
            found[meta["grade_id"]] = ids
    return found


def grade(root: Path, student: str, lesson: str, cell_timeout: int, notebook_timeout: int) -> dict:
    api = NbGraderAPI(config=course_config(root, lesson, cell_timeout, notebook_timeout))
    outcome = api.autograde(lesson, student)
    ForkServer.reap()  # nothing the notebook started may change what is read below
    if not outcome["success"]:
        lines = (outcome.get("error") or "").strip().splitlines()
        return {"status": "not graded: nbgrader failed" + (f": {lines[-1]}" if lines else "")}
    autograded = root / "autograded" / student / lesson / f"{lesson}.ipynb"
    nb = json.loads(autograded.read_text())
    silent = silent_passes(nb)
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    with Gradebook(db_url) as gb:
        for finding, _ in silent:
            gid = finding.split(":")[0]
            grade_row = gb.find_grade(gid, lesson, lesson, student)
            grade_row.auto_score = 0
        gb.db.commit()
    api.generate_feedback(lesson, student)  # the driver hands the page out when it exists
    with Gradebook(db_url) as gb:
        submission = gb.find_submission(lesson, student)
        # what the tests earned: nothing grades by hand here, so a manual score could only be the kernel's doing
        parts = {g.name: g.auto_score for n in submission.notebooks for g in n.grades}
    notes = stop_reasons(nb)
    return {"status": "graded" + (f" ({'; '.join(notes)})" if notes else ""), "parts": parts,
            "findings": [list(f) for f in silent + tampering(nb)], "misconceptions": diagnoses(nb, lesson)}


ENGINES: dict[tuple, Engine] = {}  # the worker's gradebook engines, by URL and options


def scratch_gradebooks() -> None:
    """A slot's gradebook is a scratch copy, thrown away with the slot: the submission's result.json,
    written atomically, is what counts. So sqlite need not wait for the disk at each of nbgrader's ~35
    commits per submission (7 ms a flush on this machine's disk, several per commit).

    nbgrader opens the gradebook about eight times a submission, each time with a new engine, and
    SQLAlchemy keeps the queries it has compiled per engine: every query was compiled afresh, a sixth of
    a worker's time. The slot's gradebook is always at the same path, so one engine per path serves them
    all (ENGINES); nbgrader's close() disposes of its connections as before, and the next open makes new ones."""
    def one_engine_per_path(url: str, **options) -> Engine:
        key = (url, tuple(sorted(options.items())))
        if key not in ENGINES:
            ENGINES[key] = sqlalchemy.create_engine(url, **options)
        return ENGINES[key]
    nbgrader.api.create_engine = one_engine_per_path

    @event.listens_for(Engine, "connect")
    def no_flush(connection, _record) -> None:
        if isinstance(connection, sqlite3.Connection):
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute("PRAGMA journal_mode=MEMORY")


def serve() -> int:
    """Grade the jobs read from stdin, one JSON line each, and answer each with a line on stdout.

    One worker grades many submissions, so nbgrader is imported once per worker, not per submission.
    Its own warnings are silenced here, not through the environment, which its kernels inherit: a
    learner's notebook must warn as it does on the learner's machine.
    """
    warnings.simplefilter("ignore")
    scratch_gradebooks()
    if slot := os.environ.get("PITFALLS_SLOT"):
        ForkServer.fence = fence(Path(slot), Path(os.environ["PITFALLS_SOCKETS"]))
    for line in sys.stdin:
        job = json.loads(line)
        for engine in ENGINES.values():  # a gradebook nbgrader failed to open, and so never closed, keeps none
            engine.dispose()  # of its connections to the last submission's file; compiled queries are kept
        root = Path(job["root"])
        result = grade(root, job["student"], job["lesson"], job["cell_timeout"], job["notebook_timeout"])
        write_atomic(root / "result.json", json.dumps(result, indent=1))
        print(f"done {job['root']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(serve())
