"""Grading throughput: the course's parallel driver against stock sequential nbgrader, same class, same run.

A synthetic class of N students × every lesson (solved, catalogued wrong answers and blank notebooks
in a fixed mix) is graded twice: by `python -m autograde.grade` (one worker per core), and by stock
nbgrader (`nbgrader autograde LESSON` for each lesson, then `generate_feedback` and `export`, as an
instructor runs it). Both produce grades and feedback for every submission.
Run: python -m bench.grading [--students N] [--jobs J]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograde.lessons import REPO, SOLUTIONS, lessons
from autograde.nbgrader_cli import nbgrader
from tests.submissions import catalogue, solved, with_wrong_answer


def synthetic_class(root: Path, students: int) -> int:
    """Write the class folder; return the number of submissions."""
    count = 0
    for name, lesson in lessons().items():
        wrong = catalogue(lesson)
        for i in range(students):
            kind = i % 4  # solved, two different wrong answers, blank
            if kind == 0:
                nb = solved(lesson)
            elif kind == 3:
                nb = json.loads(lesson.release.read_text())
            else:
                nb = with_wrong_answer(lesson, wrong[(i + kind) % len(wrong)])
            path = root / f"s{i:03d}" / name / f"{name}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(nb))
            count += 1
    return count


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ours(class_dir: Path, out: Path, jobs: int) -> None:
    result = subprocess.run([sys.executable, "-m", "autograde.grade", str(class_dir), "--out", str(out),
                             "--jobs", str(jobs)], cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("autograde.grade failed:\n" + result.stderr[-2000:])


def stock(class_dir: Path, course: Path) -> dict[str, float]:
    """Stock nbgrader, sequential, with the course's own nbgrader_config.py."""
    names = list(lessons())
    for name in names:
        shutil.copytree(SOLUTIONS / name, course / "solutions" / name)
        nbgrader("generate_assignment", name, "--force", root=course)
    shutil.copytree(class_dir, course / "submitted")
    steps = {}
    steps["autograde"] = timed(lambda: [nbgrader("autograde", name, "--force", root=course) for name in names])
    steps["feedback"] = timed(lambda: [nbgrader("generate_feedback", name, "--force", root=course) for name in names])
    steps["export"] = timed(lambda: nbgrader("export", f"--to={course / 'grades.csv'}", root=course))
    return steps


def measure(students: int = 20, jobs: int | None = None) -> dict:
    jobs = jobs or os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        n = synthetic_class(root / "class", students)
        ours_s = timed(lambda: ours(root / "class", root / "ours", jobs))
        stock_steps = stock(root / "class", root / "stock")
    stock_s = sum(stock_steps.values())
    return {"students": students, "submissions": n, "jobs": jobs, "ours_s": round(ours_s, 1),
            "stock_s": round(stock_s, 1), "stock_steps_s": {k: round(v, 1) for k, v in stock_steps.items()},
            "ratio": round(stock_s / ours_s, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    r = measure(args.students, args.jobs)
    print(f"{r['submissions']} submissions ({r['students']} students × {r['submissions'] // r['students']} lessons)")
    print("| grader | seconds | submissions per minute |\n|---|---:|---:|")
    rows = ((f"make autograde, {r['jobs']} workers", r["ours_s"]), ("stock nbgrader, sequential", r["stock_s"]))
    for label, s in rows:
        print(f"| {label} | {s:.0f} | {60 * r['submissions'] / s:.1f} |")
    print(f"\nspeed-up: {r['ratio']:.2f}× (stock: {r['stock_steps_s']})")


if __name__ == "__main__":
    main()
