"""Grading on a Dask cluster: a real scheduler and two real worker processes (each under its nanny, which
starts it again when it dies) on loopback, started and stopped here with Dask's own command-line tools.

The Dask path's grades are the local path's (the session's class batch graded these very submissions on
this machine), through a worker killed mid-submission (which leaves nothing behind) and a submission that
kills every worker that grades it; workers that must not grade (other grading code, no sandbox under
--require-sandbox) are named before anything is graded, or stop the run at their first task; a worker
without bubblewrap grades, and says so, when the sandbox is not required; a lost scheduler stops the driver
with its one message, and nothing it committed is lost.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograde.grade import submission
from autograde.loopback import BIN, Cluster
from autograde.pool import Limits
from autograde.roster import collect
from pitfalls.course import ROOT, lessons
from tests.conftest import LIMITS, diagnosed_rows, fingerprint

pytestmark = [pytest.mark.grading, pytest.mark.slow]
LESSON = "01_leaf_tensors"
SAMPLE = ("sample-ada", "sample-ben", "sample-cleo", "sample-dev")  # in the class batch; sample-dev is broken
def workers(client) -> dict[str, str]:
    """The cluster's workers now: address by name."""
    return {w["name"]: address for address, w in client.scheduler_info(n_workers=-1)["workers"].items()}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    (folder / "marks").mkdir()
    with Cluster(folder, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1",  # a task gets two workers, not four
                 # a worker the test pauses stays paused (Dask resumes one paused for memory once its memory is low)
                 DASK_DISTRIBUTED__WORKER__MEMORY__PAUSE="False",
                 PITFALLS_KILL_ONCE="sample-ben", PITFALLS_KILL_ALWAYS="crasher",
                 PITFALLS_KILL_MARKS=str(folder / "marks")) as cluster:
        cluster.up({name: ["--nthreads", "1", "--preload", str(ROOT / "tests" / "dask_faults.py")]
                    for name in ("w1", "w2")})
        yield cluster


def class_of(root: Path, graded, students) -> Path:
    for student in students:
        shutil.copytree(graded.submissions / student, root / student)
    return root


def resumed(out: Path, graded, students) -> Path:
    """OUT holding these students' stored results, and the batch's grading course, as a run that stopped leaves it."""
    for student in students:
        shutil.copytree(graded.out / "results" / student, out / "results" / student)
    shutil.copytree(graded.out / "course", out / "course")
    return out


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
    marks = list((cluster.folder / "marks").iterdir())
    assert len(marks) == 1, "a worker should have died while grading sample-ben"
    # it had its slots and its kernels' sockets in its Dask local directory: Dask removed all of it when the nanny
    # started the next worker there, and nothing of a live worker
    had = [Path(p) for p in json.loads(marks[0].read_text())]
    assert {p.name for p in had} >= {"pitfalls-grading"}, had
    assert any(re.fullmatch(r"pitfalls-[0-9a-f]{12}", p.name) and p.parent == had[0].parent for p in had), had
    with cluster.client() as client:
        client.wait_for_workers(2, timeout=60)
        live = {Path(d) for d in client.run(lambda dask_worker: dask_worker.local_directory).values()}
    assert had[0].parent not in live and not had[0].parent.exists() and not any(p.exists() for p in had)
    assert {p for p in (cluster.local / "dask-scratch-space").glob("worker-*") if p.is_dir()} == live
    assert any((d / "pitfalls-grading").is_dir() for d in live), "the live worker's grading folder is kept"
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


def other_checkout(root: Path) -> Path:
    """This checkout's grading code, copied, with one grading module changed: a worker host left on another commit."""
    for name in ("autograde", "pitfalls"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("course.toml", "nbgrader_config.py", "requirements.txt"):
        shutil.copy2(ROOT / name, root / name)
    with (root / "autograde" / "grading.py").open("a") as f:
        f.write("# changed on this host only\n")
    return root


def test_workers_that_would_refuse_are_named_before_anything_is_graded_and_one_without_bubblewrap_says_so(
        cluster, graded, tmp_path):
    from distributed.core import Status

    other = other_checkout(tmp_path / "other")
    started = {"w-other-code": cluster.worker("w-other-code", "--nthreads", "1", cwd=other,
                                              env={"PYTHONPATH": str(other)}),
               # bubblewrap.available() looks for bwrap on PATH
               "w-no-bwrap": cluster.worker("w-no-bwrap", "--nthreads", "1", env={"PATH": str(BIN)})}
    submissions = class_of(tmp_path / "class", graded, ["sample-ada", "sample-cleo"])
    out = resumed(tmp_path / "out", graded, ["sample-ada"])
    kept = fingerprint(out / "results")
    try:
        cluster.registered(*started)
        with cluster.client() as client:
            at = workers(client)
        run = grade(submissions, out, "--scheduler", cluster.address, "--require-sandbox")
        assert run.returncode == 1, run.stdout[-2000:] + run.stderr[-2000:]
        said = run.stderr.splitlines()
        assert said[0] == "error: not grading: 2 of the 4 Dask workers would refuse:", run.stderr
        assert sorted(said[1:3]) == sorted([
            f"  the Dask worker {at['w-no-bwrap']} (w-no-bwrap) cannot fence learner code in, and --require-sandbox "
            "is given: bubblewrap is not installed (Debian/Ubuntu: sudo apt-get install bubblewrap); make bubblewrap "
            "work there and start the worker again, or grade without --require-sandbox",
            f"  the Dask worker {at['w-other-code']} (w-other-code) runs other grading code than the driver (these "
            "differ: autograde/grading.py): check out the driver's commit there, `make install`, and start the worker "
            "again"])
        assert said[3:] == ["Nothing was graded; run the same command again once those workers are fixed or stopped."]
        assert fingerprint(out / "results") == kept and not (out / "grades.csv").exists(), "nothing graded or lost"
        # the worker of other code stopped, the sandbox not required: the rest is graded, by the worker without
        # bubblewrap alone (the others paused, as Dask pauses a worker short of memory), and its row says so
        cluster.stop(started.pop("w-other-code"))
        with cluster.client() as client:
            client.run(lambda dask_worker: setattr(dask_worker, "status", Status.paused), workers=[at["w1"], at["w2"]])
            again = grade(submissions, out, "--scheduler", cluster.address)
        assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
        assert "1 already graded, 1 to grade on the Dask cluster" in again.stdout
        assert all(row == graded[(row["student"], LESSON)] for row in rows(out)) and len(rows(out)) == 2
        assert "1 graded WITHOUT the operating-system sandbox" in again.stdout
        result = json.loads((out / "results" / "sample-cleo" / f"{LESSON}.json").read_text())
        assert result["fenced"] is False and result["unfenced"].startswith("bubblewrap is not installed")
        with (out / "integrity.csv").open() as f:
            unfenced = [r for r in csv.DictReader(f) if r["finding"] == "graded without the operating-system sandbox"]
        assert [(r["student"], r["evidence"]) for r in unfenced] == [("sample-cleo", result["unfenced"])]
    finally:
        for proc in started.values():
            cluster.stop(proc)
        with cluster.client() as client:
            client.run(lambda dask_worker: setattr(dask_worker, "status", Status.running))


def test_a_worker_that_refuses_mid_run_stops_the_run_at_its_first_task(cluster, graded, monkeypatch):
    """A worker that joins after the driver asked them all (here: every worker, the driver's code made to differ)."""
    from autograde import cluster as dask_path

    code = dask_path.grading_code()
    monkeypatch.setattr(dask_path, "grading_code", lambda: {**code, "autograde/grading.py": "changed"})
    jobs, _ = collect(graded.submissions, lessons())
    jobs = [j for j in jobs if j.student in ("sample-ada", "sample-cleo")]
    limits = Limits(1, 10, 90, 3.0)
    with cluster.client() as client:
        at = {address: name for name, address in workers(client).items()}
        graded_now = []
        with pytest.raises(SystemExit) as stopped:
            for one in dask_path.graded_on(client, graded.out / "course", "v", jobs, limits, False, submission):
                graded_now.append(one)
    assert graded_now == []
    message = re.fullmatch(r"error: grading stopped: the Dask worker (\S+) \((w1|w2)\) runs other grading code than "
                           r"the driver \(these differ: autograde/grading.py\): check out the driver's commit there, "
                           r"`make install`, and start the worker again. What was graded is kept; run the same command "
                           r"again once that worker is fixed or stopped.", str(stopped.value))
    assert message and at[message[1]] == message[2], stopped.value


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
    # the driver's one message, first and alone: distributed's own log of it (tracebacks of its reconnecting) is in
    # OUT/dask.log, not before it on stderr
    assert stderr.startswith(f"error: grading stopped: the Dask scheduler at {cluster.address} is gone"), stderr
    assert "run the same command again" in stderr and stderr.count("\n") == 1, stderr
    kept = {p.relative_to(out / "results") for p in (out / "results").rglob("*.json")}  # <student>/<lesson>.json
    assert 1 <= len(kept) < 3, "the scheduler should be lost midway"
    again = grade(submissions, out, "--jobs", "2")  # on this machine: the store is the same whoever graded
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"{len(kept)} already graded" in again.stdout
    assert all(row == graded[(row["student"], LESSON)] for row in rows(out))
