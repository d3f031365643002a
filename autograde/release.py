"""`make release`: the student notebooks in notebooks/, generated from solutions/ by nbgrader,
and the README's lesson table, generated from course.toml.

This is the one release path: `make release`, the grading driver's course and the student kit all
call `generate`. nbgrader copies a lesson folder's other files unchanged, so a file a learner writes
(a lesson's `answer_files`) has its solution regions replaced by nbgrader's own ClearSolutions, with
the delimiters and code stub from the course's config.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from nbformat.v4 import new_code_cell
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import ClearSolutions
from traitlets.config import Config

from pitfalls.course import Lesson, folders, lessons

from . import readme
from .nbgrader_cli import bin_on_path, course_settings, outcome_error


def strip_solutions(text: str, config: Config) -> str:
    """A learner's file as nbgrader would release it if it were an answer cell."""
    cell = new_code_cell(text, metadata={"nbgrader": {"solution": True, "grade": False, "locked": False,
                                                      "grade_id": "file", "schema_version": 3}})
    cell, _ = ClearSolutions(config=config).preprocess_cell(cell, {"language": "python"}, 0)
    return cell.source


def generate(chosen: list[Lesson], config: Config) -> Path:
    """Release each lesson with nbgrader generate_assignment into the config's release folder."""
    bin_on_path(os.environ)  # nbgrader starts `alembic` as a program
    api = NbGraderAPI(config=config)  # in this process: nbgrader is imported once
    release = Path(api.coursedir.format_path(api.coursedir.release_directory, ".", "."))
    for lesson in chosen:
        shutil.rmtree(release / lesson.name, ignore_errors=True)  # a file dropped from solutions/ goes too
        outcome = api.generate_assignment(lesson.name, force=True)
        if not outcome["success"]:
            raise SystemExit(f"release of {lesson.name} failed: {outcome_error(outcome)}")
        for name in lesson.answer_files:
            path = release / lesson.name / name
            path.write_text(strip_solutions(path.read_text(), config))
    return release


def release(chosen: list[Lesson], release_dir: Path | None = None) -> Path:
    """Write `release_dir/<lesson>/` for each lesson (default: notebooks/), with no gradebook."""
    config = course_settings()
    config.GenerateAssignment.no_database = True  # as `nbgrader generate_assignment --no-db`
    config.SaveCells.enabled = False
    if release_dir is not None:
        config.CourseDirectory.release_directory = str(release_dir.resolve())
    return generate(chosen, config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=folders().release, help="release folder (default notebooks/)")
    args = parser.parse_args(argv)
    target = release(list(lessons().values()), args.to)
    for name in lessons():
        print(f"released {name} -> {target / name}")
    if readme.update(readme.README, "lessons", readme.lesson_table()):
        print(f"lesson table -> {readme.README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
