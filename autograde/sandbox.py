"""The nbgrader courses grading runs in: one made once per run, and one per submission from it.

OUT/course holds every graded lesson's source and a gradebook that knows them (template.db), made
by the one release path. Each submission is then graded in a course of its own (OUT/work/<id>/<lesson>):
a copy of that gradebook, the lesson's *released* files (never the source notebook or a solution),
and the one graded notebook with the learner's own answer files beside it. No two workers ever
share a sqlite file, and nothing from solutions/ sits where learner code runs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from traitlets.config import Config

from pitfalls.course import Lesson, folders

from .nbgrader_cli import course_settings
from .release import generate
from .store import digest, write_atomic

RELEASED = "release"  # the released lesson folders inside OUT/course


def grading_config(root: Path, chosen: list[Lesson]) -> Config:
    """The course's config pointed at a grading course; a learner's answer files are theirs, not the source's."""
    config = course_settings(root)
    config.CourseDirectory.release_directory = RELEASED
    config.Autograde.exclude_overwriting = {lesson.name: list(lesson.answer_files) for lesson in chosen}
    return config


def prepare(out: Path, chosen: list[Lesson]) -> tuple[Path, str]:
    """OUT/course for these lessons, made once and reused while their sources are unchanged."""
    course = out / "course"
    source = folders().source
    version = digest(*(source / lesson.name for lesson in chosen)) + ",".join(lesson.name for lesson in chosen)
    stamp = course / "version.txt"
    if stamp.exists() and stamp.read_text() == version:
        return course, version
    shutil.rmtree(course, ignore_errors=True)
    for lesson in chosen:
        shutil.copytree(source / lesson.name, course / source.name / lesson.name)
    generate(chosen, grading_config(course, chosen))
    shutil.copy2(course / "gradebook.db", course / "template.db")
    write_atomic(stamp, version)
    return course, version


def submission_course(out: Path, course: Path, student_id: str, lesson: Lesson, notebook: dict,
                      answer_files: dict[str, bytes]) -> Path:
    """A one-submission nbgrader course: template gradebook, the released lesson, the graded notebook."""
    box = out / "work" / student_id / lesson.name
    shutil.rmtree(box, ignore_errors=True)
    submitted = box / "submitted" / student_id / lesson.name
    submitted.mkdir(parents=True)
    shutil.copy2(course / "template.db", box / "gradebook.db")
    # nbgrader restores locked and test cells from the gradebook and copies the lesson's other files
    # from its source folder: here that folder holds the release, so no solution is in reach.
    shutil.copytree(course / RELEASED / lesson.name, box / folders().source.name / lesson.name,
                    ignore=shutil.ignore_patterns("*.ipynb"))
    (submitted / f"{lesson.name}.ipynb").write_text(json.dumps(notebook))
    for name, data in answer_files.items():
        (submitted / name).parent.mkdir(parents=True, exist_ok=True)
        (submitted / name).write_bytes(data)
    return box
