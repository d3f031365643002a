"""Grading throughput: `make autograde` against stock sequential `nbgrader autograde`, same class, same run.

A synthetic class of N students × every lesson (solved, catalogued wrong answers and blank notebooks
in a fixed mix) is graded twice: by the course's driver (`python -m autograde.grade`: one worker
per core, grades, feedback pages and the integrity report), and by stock nbgrader with the course's
nbgrader_config.py, one `nbgrader autograde LESSON` after another, grades only. The floor is what
running each submission's notebook alone would cost, spread perfectly over the cores.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograde.nbgrader_cli import nbgrader
from autograde.pool import cores, default_jobs
from autograde.sandbox import prepare
from autograde.submissions import catalogue, hand_in, solved_answers
from pitfalls.course import ROOT, lessons


def synthetic_class(root: Path, students: int) -> None:
    """Write the class folder: every student hands in every lesson."""
    for name, lesson in lessons().items():
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


def ours(class_dir: Path, out: Path, jobs: int) -> None:
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(class_dir), "--out", str(out),
                             "--jobs", str(jobs)], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("autograde.grade failed:\n" + result.stderr[-2000:])


def stock(class_dir: Path, course: Path) -> float:
    """Seconds for stock `nbgrader autograde`, lesson after lesson, on the whole class."""
    names = list(lessons())
    prepare(course, list(lessons().values()))  # generate_assignment for every lesson: setting up, not timed
    course = course / "course"
    shutil.copytree(class_dir, course / "submitted")
    return timed(lambda: [nbgrader("autograde", name, "--force", root=course) for name in names])


def measure(lesson_seconds: dict[str, float], students: int = 20, jobs: int | None = None, progress=print) -> dict:
    """Both graders on one synthetic class; `lesson_seconds` (one notebook alone) gives the floor."""
    jobs = jobs or default_jobs()
    n_cores = cores()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synthetic_class(root / "class", students)
        progress(f"make autograde, {jobs} workers")
        ours_s = timed(lambda: ours(root / "class", root / "ours", jobs))
        progress("stock nbgrader autograde, sequential")
        stock_s = stock(root / "class", root / "stock")
    submissions = students * len(lesson_seconds)
    floor_s = students * sum(lesson_seconds.values()) / n_cores
    return {"students": students, "submissions": submissions, "jobs": jobs, "cores": n_cores, "ours_s": ours_s,
            "stock_s": stock_s, "floor_s": floor_s, "speedup": stock_s / ours_s, "vs_floor": floor_s / ours_s}
