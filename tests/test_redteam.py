"""Hostile and malformed submissions: each scores no more than the blank notebook or is flagged,
and honest submissions in the same batch get the grades they get when graded alone."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from autograde.submissions import catalogue, solved, with_wrong_answer
from pitfalls.course import ROOT
from tests.conftest import LESSONS, write_notebook
from tests.hostile import corpus

LESSON = "01_leaf_tensors"
CASES = corpus()
LIMITS = ["--cell-timeout", "10", "--notebook-timeout", "90", "--memory-gib", "3"]


def honest() -> dict[str, dict]:
    lesson = LESSONS[LESSON]
    wrong = next(w for w in catalogue(lesson) if w.name == "leaf-2-no-retain-grad")
    return {"honest-solved": solved(lesson), "honest-wrong": with_wrong_answer(lesson, wrong)}


def grade(submissions, out) -> tuple[dict, dict, str]:
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out), *LIMITS],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    with (out / "grades.csv").open() as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    with (out / "integrity.csv").open() as f:
        flags: dict[str, list] = {}
        for r in csv.DictReader(f):
            flags.setdefault(r["student"], []).append(r)
    return rows, flags, result.stdout


@pytest.fixture(scope="session")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("redteam")
    for case in CASES:
        case.write(LESSONS[LESSON], root / "class" / case.name / LESSON)
    for student, nb in honest().items():
        write_notebook(root / "class" / student / LESSON / f"{LESSON}.ipynb", nb)
    return grade(root / "class", root / "out")


def test_the_corpus_holds_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_submission_scores_no_more_than_blank_or_is_flagged(batch, case):
    rows, flags, _ = batch
    row = rows[case.name]
    flagged = case.name in flags
    assert float(row["score"]) == 0 or flagged, f"{case.case}: scored {row['score']} unflagged"
    for expect in case.expect:
        if expect == "flagged":
            assert flagged, f"{case.case}: not flagged"
        elif expect == "blank":
            assert float(row["score"]) == 0
        elif expect.startswith("status "):
            assert expect.removeprefix("status ") in row["status"], row["status"]
        elif expect.startswith("not graded: "):
            assert row["status"].startswith("not graded:") and expect.removeprefix("not graded: ") in row["status"]


def test_every_flag_quotes_its_evidence(batch):
    _, flags, stdout = batch
    for rows in flags.values():
        assert all(r["finding"] and r["evidence"] for r in rows)
    assert f"{len(flags)} flagged for review" in stdout


def test_honest_submissions_grade_the_same_in_a_hostile_batch_as_alone(batch, tmp_path):
    rows, flags, _ = batch
    for student, nb in honest().items():
        write_notebook(tmp_path / student / "class" / student / LESSON / f"{LESSON}.ipynb", nb)
        alone, alone_flags, _ = grade(tmp_path / student / "class", tmp_path / student / "out")
        assert rows[student] == alone[student]
        assert student not in flags and not alone_flags
