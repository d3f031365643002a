"""The nbgrader courses grading runs in: one made once per run, and one per submission from it.

OUT/course holds every graded lesson's source and a gradebook that knows them (template.db), made
by the one release path. Each submission is then graded in a course of its own, made afresh in its
worker's slot (OUT/work/<run>/slot-N/course): a copy of that gradebook, the lesson's *released* files (never
the source notebook or a solution), and the one graded notebook with the learner's own answer files
beside it. No two workers ever share a sqlite file. Of the slot, a fenced kernel sees only the folder
nbgrader runs the notebook in (`autograded/`) and its sockets' folder: `fence()`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from pathlib import Path

from traitlets.config import Config

from pitfalls.course import REGISTRY, Lesson, folders

from .bubblewrap import Fence
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


@functools.cache
def lesson_version(name: str) -> str:
    """What one lesson's grades depend on: its source folder and the course registry. A stored result carries
    it, so a later run resumes it whichever other lessons that run grades beside it."""
    return digest(REGISTRY, folders().source / name)


def prepare(out: Path, chosen: list[Lesson]) -> tuple[Path, str]:
    """OUT/course for these lessons, made once and reused while their sources and the course registry are
    unchanged (the registry words the misconceptions a feedback page names)."""
    course = out / "course"
    source = folders().source
    names = ",".join(lesson.name for lesson in chosen)
    version = digest(REGISTRY, *(source / lesson.name for lesson in chosen)) + names
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


SOCKETS = Path("/tmp")  # where a slot's sockets go unless its owner names a folder of its own
SOCKET_PATH_MAX = 107  # bytes of a Unix socket's path (sockaddr_un.sun_path less its NUL): OUT may be deep
SOCKET_NAME = len("/kernel-0123456789ab-ipc-5")  # the longest a kernel's socket is named there (kernels.py)


def fence(slot: Path, sockets: Path = SOCKETS) -> Fence:
    """The folders of a worker's slot that its kernels may write (bubblewrap binds them for good, so they
    are emptied between submissions, never removed): the slot's `autograded/`, and a short folder for the
    kernel's sockets named after the slot, so the driver and the worker find the same one. It is made in
    `sockets` (a Dask worker's own local directory, which Dask empties once the worker is dead), or in
    /tmp where a socket's path there would be too long."""
    name = f"pitfalls-{hashlib.sha1(str(slot.resolve()).encode()).hexdigest()[:12]}"
    fits = len(os.fsencode(sockets / name)) + SOCKET_NAME <= SOCKET_PATH_MAX
    return Fence(work=slot / "course" / "autograded", runtime=(sockets if fits else SOCKETS) / name)


def empty(folder: Path, keep: tuple[Path, ...] = ()) -> None:
    """Remove what `folder` holds, but not the folders in `keep` (only their contents)."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in folder.iterdir():
        if entry in keep:
            empty(entry)
        elif entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def submission_course(slot: Path, fenced: Fence, course: Path, student_id: str, lesson: Lesson, notebook: dict,
                      answer_files: dict[str, bytes]) -> Path:
    """A one-submission nbgrader course in a worker's slot (whose kernels may write `fenced`): template
    gradebook, the released lesson, the graded notebook and the learner's answer files. Nothing of the slot's
    previous submission is left."""
    box = slot / "course"
    empty(box, keep=(fenced.work,))
    empty(fenced.runtime)
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
