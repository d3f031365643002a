"""Shared fixtures: the lessons, and one real grading run over a generated class."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from autograde.submissions import hand_in, solved, solved_answers
from pitfalls.course import ROOT
from tests import batch
from tests.classroom import Notebook, notebooks, where
from tests.hostile import corpus
from tests.selection import LESSONS, choose

SAMPLE_CLASS = ROOT / "autograde" / "sample_class"


def pytest_addoption(parser):
    parser.addoption("--lesson", action="append", default=[],
                     help="test only this lesson's notebook, release and grading (repeatable)")


def pytest_configure(config):
    try:
        choose(config.getoption("--lesson"))
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None


def write_notebook(path: Path, nb: dict | str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(nb, dict):
        nb = json.dumps(nb, indent=1)
    path.write_bytes(nb if isinstance(nb, bytes) else nb.encode())


REDTEAM_LESSON = "01_leaf_tensors"  # the red-team corpus attacks this lesson
# Tight enough that the corpus's hangs cost seconds, loose enough for any honest lesson cell (< 3 s).
LIMITS = ["--cell-timeout", "10", "--notebook-timeout", "90", "--memory-gib", "3"]


def build_class(root: Path) -> None:
    """A class folder holding every kind of submission the suite proves something about: solved and blank
    notebooks of every lesson, every catalogued answer in a generated learner's notebook (tests/classroom.py),
    broken files, the sample class, and the red-team corpus, so honest work is graded in the same batch as
    hostile work."""
    for name, lesson in LESSONS.items():
        hand_in(root / "solved" / name, lesson, solved_answers(lesson))
        hand_in(root / "blank" / name, lesson, {})
    for notebook in notebooks(LESSONS):
        notebook.hand_in(root)
    first = next(iter(LESSONS.values()))
    bad = root / "bad-json" / first.name / f"{first.name}.ipynb"
    write_notebook(bad, b'{"cells": [')
    write_notebook(root / "bad-empty" / first.name / f"{first.name}.ipynb", b"")
    other = solved(first)
    other["metadata"]["pitfalls"]["lesson"] = "99_not_this_one"
    write_notebook(root / "bad-wrong-lesson" / first.name / f"{first.name}.ipynb", other)
    for student in SAMPLE_CLASS.iterdir():
        shutil.copytree(student, root / f"sample-{student.name}")
    if REDTEAM_LESSON in LESSONS:
        for case in corpus():
            case.write(LESSONS[REDTEAM_LESSON], root / f"redteam-{case.name}" / REDTEAM_LESSON)


def fingerprint(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@dataclass
class GradedClass:
    rows: dict[tuple[str, str], dict]  # grades.csv, keyed by (student, lesson)
    submissions: Path
    out: Path
    stdout: str
    before: dict[str, str]  # submission fingerprints before and after grading
    after: dict[str, str]
    flags: list[dict]  # integrity.csv rows

    def __getitem__(self, key: tuple[str, str]) -> dict:
        return self.rows[key]

    def holding(self, wrong) -> Notebook:
        """The generated learner's notebook that holds this catalogued answer."""
        return CLASSROOM[(wrong.lesson, wrong.name)]

    def row_of(self, wrong) -> dict:
        """The grades.csv row of the notebook that holds this catalogued answer."""
        notebook = self.holding(wrong)
        return self.rows[(notebook.student, wrong.lesson)]

    def result(self, student: str, lesson: str) -> dict:
        """The stored result (OUT/results/) of a submission: what misconceptions.csv and the report are made from."""
        return json.loads((self.out / "results" / student / f"{lesson}.json").read_text())


CLASSROOM: dict[tuple[str, str], Notebook] = {}  # (lesson, catalogue stem) -> its notebook, once the class is built


class Batch:
    """The class batch, graded by the real driver in the background from the moment pytest knows a selected
    test needs it: the tests that need no grades (units, browser, kernels) run meanwhile, and those that do
    run last (`pytest_collection_modifyitems`) and wait for it in the `graded` fixture."""

    process: subprocess.Popen | None = None
    root: Path
    before: dict[str, str]

    @classmethod
    def start(cls, root: Path) -> None:
        cls.root = root
        CLASSROOM.update(where(notebooks(LESSONS)))
        build_class(root / "submissions")
        cls.before = fingerprint(root / "submissions")
        with (root / "driver.log").open("w") as log:
            cls.process = batch.running = subprocess.Popen(
                [sys.executable, "-m", "autograde.grade", str(root / "submissions"), "--out", str(root / "out"),
                 *LIMITS], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True)

    @classmethod
    def result(cls) -> GradedClass:
        submissions, out = cls.root / "submissions", cls.root / "out"
        returncode = cls.process.wait()
        stdout = (cls.root / "driver.log").read_text()
        assert returncode == 0, stdout
        with (out / "grades.csv").open() as f:
            rows = {(r["student"], r["lesson"]): r for r in csv.DictReader(f)}
        with (out / "integrity.csv").open() as f:
            flags = list(csv.DictReader(f))
        return GradedClass(rows, submissions, out, stdout, cls.before, fingerprint(submissions), flags)

    @classmethod
    def stop(cls) -> None:
        """An interrupted session leaves no driver grading on its own."""
        if cls.process is not None and cls.process.poll() is None:
            os.killpg(cls.process.pid, signal.SIGKILL)
            cls.process.wait()


@pytest.hookimpl(trylast=True)  # after `-m`/`-k` deselection: only a selected test that needs grades counts
def pytest_collection_modifyitems(config, items):
    later = {id(item) for item in items if "graded" in getattr(item, "fixturenames", ())}
    if later and not config.option.collectonly:
        items[:] = [item for item in items if id(item) not in later] + [item for item in items if id(item) in later]
        Batch.start(config._tmp_path_factory.mktemp("class"))


def pytest_unconfigure(config):
    Batch.stop()


@pytest.fixture(scope="session")
def graded() -> GradedClass:
    """The generated class, graded once with the real driver, as `make autograde` does."""
    return Batch.result()


def diagnosed_rows(out: Path) -> list[dict]:
    """OUT/misconceptions.csv: a row per student, lesson, test cell and misconception."""
    with (out / "misconceptions.csv").open(newline="") as f:
        return list(csv.DictReader(f))


@dataclass
class Regraded:
    out: Path
    stdout: str
    students: list[str]


def from_the_batch(graded: GradedClass, students: list[str], root: Path) -> Regraded:
    """`make autograde` over just these students' folders of the graded batch, its OUT seeded with the batch's
    course and these students' stored results: the driver resumes (same submission bytes, same course
    version), so nothing is graded again and every number in its files is the batch's real grading."""
    submissions, out = root / "submissions", root / "out"
    for student in students:
        shutil.copytree(graded.submissions / student, submissions / student)
        shutil.copytree(graded.out / "results" / student, out / "results" / student)
    shutil.copytree(graded.out / "course", out / "course")
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out), *LIMITS],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return Regraded(out, result.stdout, students)


@pytest.fixture(scope="session")
def learner_class(graded, tmp_path_factory) -> Regraded:
    """The 50 generated learners (tests/classroom.py) graded as a class of their own (report.html,
    misconceptions.csv), from the batch."""
    learners = sorted({student for student, _ in graded.rows if student.startswith("learner-")})
    return from_the_batch(graded, learners, tmp_path_factory.mktemp("learners"))
