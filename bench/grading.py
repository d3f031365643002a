"""Grading throughput: one synthetic class graded three ways in the same run, one way after another.

A class of N students × the chosen lessons (solved, catalogued wrong answers and blank notebooks in a fixed
mix) is graded (a) by `make autograde`'s local pool (`python -m autograde.grade`, J workers: grades, feedback
pages and the integrity report); (b) by the same driver with `--scheduler`, on a Dask cluster started here on
loopback (autograde/loopback.py): a scheduler and one `make grading-worker` with J threads, so J grading workers
as in (a), stopped once it has graded; (c) by stock nbgrader with the course's nbgrader_config.py, one
`nbgrader autograde LESSON` after another, grades only. (b) must write (a)'s grades.csv: where a row differs,
no Dask time is kept. The floor is what running each submission's notebook alone would cost, spread perfectly
over the cores.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograde.loopback import Cluster, grading_worker
from autograde.nbgrader_cli import nbgrader
from autograde.pool import cores, default_jobs
from autograde.sandbox import prepare
from autograde.submissions import catalogue, hand_in, solved_answers
from pitfalls.course import ROOT, lessons

CLASS = "00,01,02,03,04"  # the class `make bench` graded on 2026-11-23: per-core figures compare like for like


def chosen(spec: str) -> list[str]:
    """The lessons `--lessons` names: `all`, or lesson numbers or names separated by commas."""
    known = list(lessons())
    if spec == "all":
        return known
    names = []
    for word in (w.strip() for w in spec.split(",")):
        match = [name for name in known if word in (name, name.split("_", 1)[0])]
        if not match:
            raise ValueError(f"--lessons: no lesson {word!r} (the course has {', '.join(known)})")
        names += match
    return list(dict.fromkeys(names))


def synthetic_class(root: Path, students: int, names: list[str]) -> None:
    """Write the class folder: every student hands in every lesson named."""
    for name in names:
        lesson = lessons()[name]
        wrong = catalogue(lesson)
        for i in range(students):
            kind = i % 4  # solved, two different wrong answers, blank
            answers = solved_answers(lesson)
            if kind == 3:
                answers = {}
            elif kind:
                mistake = wrong[(i + kind) % len(wrong)]
                answers = {**answers, mistake.answer: mistake.source}
            hand_in(root / f"s{i:03d}" / name, lesson, answers)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ours(class_dir: Path, out: Path, jobs: int, *extra: str) -> None:
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(class_dir), "--out", str(out),
                             "--jobs", str(jobs), *extra], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"autograde.grade {' '.join(extra)} failed:\n" + result.stderr[-2000:])


def on_dask(class_dir: Path, out: Path, jobs: int, folder: Path) -> tuple[float, float]:
    """Seconds to start a loopback cluster of `jobs` grading workers, and seconds for the driver to grade on it;
    the cluster is stopped however the grading ends."""
    with Cluster(folder) as cluster:
        start_s = timed(lambda: cluster.up({"grading": grading_worker(jobs)}))
        return start_s, timed(lambda: ours(class_dir, out, jobs, "--scheduler", cluster.address))


def differing(a: Path, b: Path) -> list[str]:
    """The `student/lesson` rows in which two grades.csv files differ (a row only one has counts): none when
    both ways graded alike."""
    def rows(path: Path) -> dict[str, dict]:
        with path.open(newline="") as f:
            return {f"{row['student']}/{row['lesson']}": row for row in csv.DictReader(f)}
    first, second = rows(a), rows(b)
    return sorted(key for key in first.keys() | second.keys() if first.get(key) != second.get(key))


def stock(class_dir: Path, course: Path, names: list[str]) -> float:
    """Seconds for stock `nbgrader autograde`, lesson after lesson, on the whole class."""
    prepare(course, [lessons()[name] for name in names])  # generate_assignment: setting up, not timed
    course = course / "course"
    shutil.copytree(class_dir, course / "submitted")
    return timed(lambda: [nbgrader("autograde", name, "--force", root=course) for name in names])


def measure(names: list[str], students: int = 20, jobs: int | None = None,
            lesson_seconds: dict[str, float] | None = None, progress=print) -> dict:
    """The three ways on one synthetic class; `lesson_seconds` (each notebook run alone), if given, sets the floor."""
    jobs = jobs or default_jobs()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synthetic_class(root / "class", students, names)
        progress(f"make autograde, {jobs} workers")
        ours_s = timed(lambda: ours(root / "class", root / "ours", jobs))
        progress(f"make autograde SCHEDULER=…: a Dask scheduler and a grading worker of {jobs} threads on loopback")
        dask_start_s, dask_s = on_dask(root / "class", root / "dask", jobs, root / "cluster")
        differ = differing(root / "ours" / "grades.csv", root / "dask" / "grades.csv")
        progress("stock nbgrader autograde, sequential")
        stock_s = stock(root / "class", root / "stock", names)
    n = students * len(names)
    result = {"students": students, "lessons": names, "submissions": n, "jobs": jobs, "cores": cores(),
              "ours_s": ours_s, "dask_s": None if differ else dask_s, "dask_start_s": dask_start_s,
              "dask_differs": differ, "stock_s": stock_s, "speedup": stock_s / ours_s}
    if lesson_seconds:
        result["floor_s"] = students * sum(lesson_seconds[name] for name in names) / result["cores"]
        result["vs_floor"] = result["floor_s"] / ours_s
    return result
