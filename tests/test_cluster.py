"""Grading on a Dask cluster: a real scheduler and two real worker processes (each under its nanny, which
starts it again when it dies) on loopback, started and stopped here with Dask's own command-line tools.

The Dask path's grades are the local path's (the session's class batch graded these very submissions on
this machine), through a worker killed mid-submission and a submission that kills every worker that grades
it; a lost scheduler stops the driver with a message, and nothing it committed is lost.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograde.loopback import Cluster
from pitfalls.course import ROOT
from tests.conftest import LIMITS, diagnosed_rows

pytestmark = [pytest.mark.grading, pytest.mark.slow]
LESSON = "01_leaf_tensors"
SAMPLE = ("sample-ada", "sample-ben", "sample-cleo", "sample-dev")  # in the class batch; sample-dev is broken


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    (folder / "marks").mkdir()
    with Cluster(folder, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1",  # a task gets two workers, not four
                 PITFALLS_KILL_ONCE="sample-ben", PITFALLS_KILL_ALWAYS="crasher",
                 PITFALLS_KILL_MARKS=str(folder / "marks")) as cluster:
        cluster.up({name: ["--nthreads", "1", "--preload", str(ROOT / "tests" / "dask_faults.py")]
                    for name in ("w1", "w2")})
        yield cluster


def class_of(root: Path, graded, students) -> Path:
    for student in students:
        shutil.copytree(graded.submissions / student, root / student)
    return root


def grade(submissions: Path, out: Path, *extra: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out), *LIMITS,
                           *extra], cwd=ROOT, capture_output=True, text=True, **kw)


def rows(out: Path) -> list[dict]:
    with (out / "grades.csv").open() as f:
        return list(csv.DictReader(f))


def test_the_cluster_grades_as_this_machine_does_through_a_lost_worker_and_a_submission_that_kills_them(
        cluster, graded, tmp_path):
    submissions, out = class_of(tmp_path / "class", graded, SAMPLE), tmp_path / "out"
    run = grade(submissions, out, "--scheduler", cluster.address)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "3 to grade on the Dask cluster at" in run.stdout
    assert list((cluster.folder / "marks").iterdir()), "a worker should have died while grading sample-ben"
    table = rows(out)
    assert sorted(r["student"] for r in table) == sorted(SAMPLE)
    assert all(row == graded[(row["student"], LESSON)] for row in table), "the local path's grades"
    assert diagnosed_rows(out) == [r for r in diagnosed_rows(graded.out) if r["student"] in SAMPLE], "and diagnoses"
    # the same OUT, one submission more: only it is graded, and every worker that grades it dies
    shutil.copytree(graded.submissions / "sample-ada", submissions / "crasher")
    run = grade(submissions, out, "--scheduler", cluster.address)
    assert run.returncode == 0 and "3 already graded, 1 to grade" in run.stdout, run.stdout[-3000:]
    crasher = [r for r in rows(out) if r["student"] == "crasher"]
    assert len(crasher) == 1 and crasher[0]["status"] == (
        "not graded: every Dask worker that graded it died (KilledWorker: 2 tries)")
    assert [r for r in rows(out) if r["student"] != "crasher"] == table
    again = grade(submissions, out, "--scheduler", cluster.address)
    assert again.returncode == 0 and "4 already graded, 0 to grade" in again.stdout, "nor is it tried again"


def test_a_lost_scheduler_stops_the_driver_with_a_message_and_keeps_what_it_graded(cluster, graded, tmp_path):
    """Last in this module: it kills the scheduler."""
    submissions, out = class_of(tmp_path / "class", graded, SAMPLE[:3]), tmp_path / "out"
    driver = subprocess.Popen([sys.executable, "-m", "autograde.grade", str(submissions), "--out", str(out), *LIMITS,
                               "--scheduler", cluster.address], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not list((out / "results").rglob("*.json")) and driver.poll() is None:
        time.sleep(0.2)
    os.killpg(cluster.scheduler.pid, signal.SIGKILL)
    stdout, stderr = driver.communicate(timeout=120)
    assert driver.returncode not in (0, None), stdout[-2000:]
    assert f"the Dask scheduler at {cluster.address} is gone" in stderr and "run the same command again" in stderr
    kept = {p.name for p in (out / "results").rglob("*.json")}
    assert 1 <= len(kept) < 3, "the scheduler should be lost midway"
    again = grade(submissions, out, "--jobs", "2")  # on this machine: the store is the same whoever graded
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"{len(kept)} already graded" in again.stdout
    assert all(row == graded[(row["student"], LESSON)] for row in rows(out))
