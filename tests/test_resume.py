"""Nothing lost: a grading run killed with SIGKILL and run again gives the uninterrupted grades,
and a re-run grades nothing that is already graded unless asked to."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time

import pytest

from pitfalls.course import ROOT
from tests.conftest import SAMPLE_CLASS, diagnosed_rows, fingerprint, write_notebook
from tests.test_grading import FIRST

pytestmark = [pytest.mark.grading, pytest.mark.slow]
LESSON = "01_leaf_tensors"


@pytest.fixture(scope="module")
def small_class(tmp_path_factory, graded):
    """Five submissions copied from the big graded batch, under the same names."""
    root = tmp_path_factory.mktemp("small")
    learner = min(student for student, lesson in graded.rows if lesson == LESSON and student.startswith("learner-"))
    for student, lesson in (("solved", LESSON), ("blank", LESSON), (learner, LESSON), ("bad-json", FIRST)):
        src = graded.submissions / student / lesson / f"{lesson}.ipynb"
        write_notebook(root / student / lesson / f"{lesson}.ipynb", src.read_bytes())
    write_notebook(root / "sample-ada" / LESSON / f"{LESSON}.ipynb",
                   (SAMPLE_CLASS / "ada" / LESSON / f"{LESSON}.ipynb").read_bytes())
    return root


def command(submissions, out, *extra):
    return [sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out), "--jobs", "1", *extra]


def grades(out) -> bytes:
    return (out / "grades.csv").read_bytes()


def test_a_run_killed_midway_and_run_again_gives_the_uninterrupted_grades(small_class, graded, tmp_path):
    out = tmp_path / "out"
    before = fingerprint(small_class)
    run = subprocess.Popen(command(small_class, out), cwd=ROOT, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list((out / "results").rglob("*.json"))) < 1:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    kept = len(list((out / "results").rglob("*.json")))
    assert 1 <= kept < 4, "the kill should land midway"
    again = subprocess.run(command(small_class, out), cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"{kept} already graded" in again.stdout
    with (out / "grades.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 5
    for row in rows:
        assert row == graded[(row["student"], row["lesson"])]
    these = {(row["student"], row["lesson"]) for row in rows}
    assert diagnosed_rows(out) == [r for r in diagnosed_rows(graded.out) if (r["student"], r["lesson"]) in these]
    assert fingerprint(small_class) == before, "submissions must never be modified"


def test_a_rerun_grades_nothing_new_unless_regrade_is_asked(small_class, tmp_path):
    out = tmp_path / "out"
    first = subprocess.run(command(small_class, out), cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0 and "0 already graded, 4 to grade" in first.stdout
    table = grades(out)
    second = subprocess.run(command(small_class, out), cwd=ROOT, capture_output=True, text=True)
    assert "4 already graded, 0 to grade" in second.stdout
    assert grades(out) == table
    third = subprocess.run(command(small_class, out, "--regrade"), cwd=ROOT, capture_output=True, text=True)
    assert "0 already graded, 4 to grade" in third.stdout
    assert grades(out) == table


def test_a_second_run_on_the_same_out_refuses_at_once_and_names_the_first(small_class, graded, tmp_path):
    out = tmp_path / "out"
    first = subprocess.Popen(command(small_class, out), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not list((out / "results").rglob("*.json")):
            time.sleep(0.2)
        second = subprocess.run(command(small_class, out), cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert f"is being graded by grading run {first.pid}" in second.stderr
    finally:
        assert first.wait(timeout=600) == 0
    with (out / "grades.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert all(row == graded[(row["student"], row["lesson"])] for row in rows), "nothing either run wrote is mixed"
