"""`make autograde`: grade a folder of submissions with nbgrader and write grades and feedback.

Layout in:  SUBMISSIONS/<student>/<lesson>/<lesson>.ipynb
Written to: OUT/grades.csv, OUT/feedback/<student>/<lesson>/<lesson>.html, and nbgrader's
working files (gradebook.db, submitted/, autograded/) in OUT, outside the tracked tree.
Submissions are copied, never modified. Each submission is graded by its own nbgrader run,
so one broken notebook costs only its own row.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
from pathlib import Path

from .export import FIXED
from .lessons import REPO, SOLUTIONS, Lesson, lessons
from .nbgrader_cli import last_error, nbgrader
from .screen import problem

SAMPLE_CLASS = REPO / "autograde" / "sample_class"
DEFAULT_OUT = REPO / "build" / "grading"
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def collect(submissions: Path, known: dict[str, Lesson]):
    """Split the class folder into gradable (student, lesson, path) and rejected rows."""
    gradable, rejected = [], []
    for student_dir in sorted(p for p in submissions.iterdir() if p.is_dir()):
        student = student_dir.name
        for lesson_dir in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            if lesson_dir.name.startswith("."):
                continue
            if not STUDENT_ID.match(student):
                rejected.append(row(student, lesson_dir.name, "not graded: unusable student folder name"))
            elif lesson_dir.name not in known:
                rejected.append(row(student, lesson_dir.name, "not graded: no such lesson in this course"))
            else:
                path = lesson_dir / f"{lesson_dir.name}.ipynb"
                why = problem(path, known[lesson_dir.name])
                if why:
                    rejected.append(row(student, lesson_dir.name, f"not graded: {why}"))
                else:
                    gradable.append((student, lesson_dir.name, path))
    return gradable, rejected


def row(student: str, lesson: str, status: str) -> dict:
    return {"student": student, "lesson": lesson, "status": status}


def prepare(out: Path, lesson_names: set[str]) -> None:
    """Put the lesson sources in OUT and record them in OUT's gradebook."""
    for name in sorted(lesson_names):
        shutil.copytree(SOLUTIONS / name, out / SOLUTIONS.name / name, dirs_exist_ok=True)
        result = nbgrader("generate_assignment", name, "--force", root=out)
        if result.returncode != 0:
            raise SystemExit(f"could not prepare {name} for grading: {last_error(result)}")


def grade(out: Path, student: str, lesson: str, path: Path) -> str | None:
    """Autograde one submission; None when it worked, else the reason it did not."""
    target = out / "submitted" / student / lesson
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copy2(path, target / path.name)
    result = nbgrader("autograde", lesson, "--student", student, "--force", root=out)
    if result.returncode != 0:
        return f"not graded: nbgrader failed ({last_error(result)})"
    return None


def feedback(out: Path, lesson: str) -> None:
    result = nbgrader("generate_feedback", lesson, "--force", root=out)
    if result.returncode != 0:
        print(f"warning: feedback for {lesson} incomplete: {last_error(result)}", file=sys.stderr)


def export(out: Path, rejected: list[dict]) -> Path:
    problems = out / "problems.json"
    problems.write_text(json.dumps(rejected, indent=1))
    dest = out / "grades.csv"
    result = nbgrader("export", "--exporter=autograde.export.PartsExporter", f"--to={dest}",
                      f"--PartsExporter.problems={problems}", root=out)
    if result.returncode != 0:
        raise SystemExit(f"export failed: {last_error(result)}")
    return dest


def print_table(grades: Path, students: set[str]) -> None:
    """The grade table as a person reads it: one line per submission in this class folder."""
    with grades.open() as f:
        rows = [r for r in csv.DictReader(f) if r["student"] in students]
    parts = [c for c in (rows[0].keys() if rows else []) if c not in FIXED]
    parts = [p for p in parts if any(r[p] for r in rows)]
    header = ["student", "lesson", "score", *parts, "status"]
    table = [[r["student"], r["lesson"], f"{r['score']}/{r['max_score']}", *(r[p] or "-" for p in parts),
              r["status"]] for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table, strict=False)]
    for line in [header, *table]:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=False)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, nargs="?", default=SAMPLE_CLASS,
                        help="class folder: <student>/<lesson>/<lesson>.ipynb (default: the sample class)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where grades and feedback go")
    args = parser.parse_args(argv)
    if not args.submissions.is_dir():
        print(f"error: {args.submissions} is not a folder of submissions", file=sys.stderr)
        return 2
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    known = lessons()
    gradable, rejected = collect(args.submissions.resolve(), known)
    prepare(out, {lesson for _, lesson, _ in gradable})
    for n, (student, lesson, path) in enumerate(gradable, 1):
        print(f"[{n}/{len(gradable)}] grading {student} / {lesson}", flush=True)
        why = grade(out, student, lesson, path)
        if why:
            rejected.append(row(student, lesson, why))
    for lesson in sorted({lesson for _, lesson, _ in gradable}):
        feedback(out, lesson)
    grades = export(out, rejected)
    print()
    print_table(grades, {s for s, _, _ in gradable} | {r["student"] for r in rejected})
    print(f"\ngrades:   {grades}\nfeedback: {out / 'feedback'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
