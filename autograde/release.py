"""`make release`: the student notebooks in notebooks/, generated from solutions/ by nbgrader, the
page `make lab` opens on (notebooks/START_HERE.md), and the README's lesson table, from course.toml.

This is the one release path: `make release`, the grading driver's course and the student kit all
call `generate`. nbgrader copies a lesson folder's other files unchanged, so a file a learner writes
(a lesson's `answer_files`) has its solution regions replaced by nbgrader's own ClearSolutions, with
the delimiters and code stub from the course's config. nbgrader runs `CarryOnPastExercises` too
(nbgrader_config.py), so that Run All in the release goes past an exercise not done yet.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from nbformat.v4 import new_code_cell
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import ClearSolutions, NbGraderPreprocessor
from traitlets.config import Config

from pitfalls.course import Lesson, folders, lessons

from . import readme
from .nbgrader_cli import bin_on_path, course_settings, outcome_error

CARRY_ON = "raises-exception"  # the tag that lets JupyterLab's Run All (and nbclient) go past a cell's error


class CarryOnPastExercises(NbGraderPreprocessor):
    """Tag every answer and test cell `raises-exception`: in the release an answer cell raises
    NotImplementedError and its test fails until the exercise is done, and JupyterLab stops Run All
    at the first error in an untagged cell, so the lesson's later cells would never run. nbgrader's
    checksums do not cover tags: grading is unchanged."""

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and (meta.get("solution") or meta.get("grade")):
            tags = cell.metadata.setdefault("tags", [])
            if CARRY_ON not in tags:
                tags.append(CARRY_ON)
        return cell, resources


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


LANDING = "START_HERE.md"


def title(notebook: Path) -> str:
    """A lesson's title: the first heading of its first markdown cell."""
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] == "markdown":
            return "".join(cell["source"]).splitlines()[0].lstrip("# ").strip()
    return notebook.stem


def landing_page(release_dir: Path) -> str:
    """The page `make lab` opens on: where to begin, the lessons in order, and how the notebooks behave."""
    rows = [f"- [{title(release_dir / name / f'{name}.ipynb')}]({name}/{name}.ipynb)" for name in lessons()]
    return LANDING_TEXT.format(lessons="\n".join(rows))


LANDING_TEXT = """# Start here

Welcome to **PyTorch Pitfalls**. Take the lessons in order, starting with lesson 00, which teaches
the four pictures every later lesson uses. Click a lesson to open it:

{lessons}

**Run a lesson top to bottom** with *Run → Run All Cells*. Cells that show an error on purpose, and
the exercises you have not done yet, do not stop it.

**Exercises.** Each one has an answer cell: replace `raise NotImplementedError()` with your code.
The test cell below it checks your answer and says what to fix. The **Validate** button in the
notebook's toolbar checks every part of the notebook at once. When your work is graded, hidden
tests run as well, so make your answer right, not just green.

**Errors** show their message first. To see every frame of the last error, run `%tb` in a new cell.

**Pictures.** Move an explorer's slider or menu and its picture follows. A saved notebook keeps
each picture; after reopening it, run the picture's cell again to move it.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=folders().release, help="release folder (default notebooks/)")
    args = parser.parse_args(argv)
    target = release(list(lessons().values()), args.to)
    for name in lessons():
        print(f"released {name} -> {target / name}")
    (target / LANDING).write_text(landing_page(target))
    print(f"landing page -> {target / LANDING}")
    if readme.update(readme.README, "lessons", readme.lesson_table()):
        print(f"lesson table -> {readme.README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
