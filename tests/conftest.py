"""Shared fixtures: the lessons, and one real grading run over a generated class."""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from autograde.submissions import WrongAnswer, catalogue, hand_in, solved, solved_answers
from pitfalls.course import ROOT
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


LEARNERS = 50  # the generated class: learner-01 … learner-50, whose report the browser suite looks at


@functools.cache
def _place(lesson: str) -> dict[str, int]:
    return {wrong.name: i for i, wrong in enumerate(catalogue(LESSONS[lesson]))}


def author(wrong: WrongAnswer) -> str:
    """The student who hands this catalogued answer in. A lesson's first 50 answers are handed in by the 50
    generated learners, one each (so a learner hands in several lessons, one answer in each, every other
    part right); a lesson's answers beyond 50 by a student of their own, wrong-<name>. So the one graded
    batch is also a class of 50 learners, at no cost in grading."""
    i = _place(wrong.lesson)[wrong.name]
    return f"learner-{i + 1:02}" if i < LEARNERS else f"wrong-{wrong.name}"


def learners() -> list[str]:
    """The generated learners who hand something in, with the --lesson selected."""
    every = {author(w) for lesson in LESSONS.values() for w in catalogue(lesson)}
    return sorted(a for a in every if a.startswith("learner-"))


def build_class(root: Path) -> None:
    """A class folder holding every kind of submission the suite proves something about: solved, blank
    and each catalogued wrong answer of every lesson (handed in by the 50 generated learners and, beyond
    50 in a lesson, by wrong-<name>: `author`), broken files, the sample class, and the red-team corpus,
    so honest work is graded in the same batch as hostile work."""
    for name, lesson in LESSONS.items():
        hand_in(root / "solved" / name, lesson, solved_answers(lesson))
        hand_in(root / "blank" / name, lesson, {})
        for wrong in catalogue(lesson):
            hand_in(root / author(wrong) / name, lesson, {**solved_answers(lesson), wrong.answer: wrong.source})
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

    def of(self, wrong: WrongAnswer) -> dict:
        """The grades.csv row of a catalogued wrong answer, whoever handed it in."""
        return self.rows[(author(wrong), wrong.lesson)]

    def result(self, student: str, lesson: str) -> dict:
        """The stored result (OUT/results/) of a submission: what misconceptions.csv and the report are made from."""
        return json.loads((self.out / "results" / student / f"{lesson}.json").read_text())


@pytest.fixture(scope="session")
def graded(tmp_path_factory) -> GradedClass:
    """Grade the generated class once with the real driver, as `make autograde` does."""
    root = tmp_path_factory.mktemp("class")
    submissions, out = root / "submissions", root / "out"
    build_class(submissions)
    before = fingerprint(submissions)
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out), *LIMITS],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with (out / "grades.csv").open() as f:
        rows = {(r["student"], r["lesson"]): r for r in csv.DictReader(f)}
    with (out / "integrity.csv").open() as f:
        flags = list(csv.DictReader(f))
    return GradedClass(rows, submissions, out, result.stdout, before, fingerprint(submissions), flags)


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
    """The 50 generated learners graded as a class of their own (report.html, misconceptions.csv), from the batch."""
    return from_the_batch(graded, learners(), tmp_path_factory.mktemp("learners"))
